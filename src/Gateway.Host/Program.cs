using Gateway.Catalogue;
using Gateway.Demo;
using Gateway.Host;
using Gateway.Platform;

var builder = WebApplication.CreateBuilder(args);

builder.AddPlatform();
builder.AddCatalogue();
builder.AddDemoCity();
builder.AddApiDocumentation();

var app = builder.Build();

app.UsePlatform();
app.MapPlatformEndpoints();
app.MapApiDocumentation();
app.MapCatalogue();

app.Run();

/// <summary>Entry point, visible to the functional tests' <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
