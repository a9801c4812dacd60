using Adapters.Disdukcapil;

var builder = WebApplication.CreateBuilder(args);
builder.AddDisdukcapilService();

var app = builder.Build();
app.MapDisdukcapilService();
app.Run();
