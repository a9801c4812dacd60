using Adapters.Lapor;

var builder = WebApplication.CreateBuilder(args);
builder.AddLaporService();

var app = builder.Build();
app.MapLaporService();
app.Run();
