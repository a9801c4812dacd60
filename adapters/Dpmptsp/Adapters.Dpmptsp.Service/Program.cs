using Adapters.Dpmptsp;

var builder = WebApplication.CreateBuilder(args);
builder.AddDpmptspService();

var app = builder.Build();
app.MapDpmptspService();
app.Run();
