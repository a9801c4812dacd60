using Adapters.Rsud;

var builder = WebApplication.CreateBuilder(args);
builder.AddRsudService();

var app = builder.Build();
app.MapRsudService();
app.Run();
