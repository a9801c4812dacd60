using Gateway.Catalogue;
using Gateway.Catalogue.Events;
using Gateway.Complaints;
using Gateway.Complaints.Events;
using Gateway.Demo;
using Gateway.Host;
using Gateway.Identity;
using Gateway.Messaging;
using Gateway.Platform;

var builder = WebApplication.CreateBuilder(args);

builder.AddPlatform();
builder.AddMessaging(consumers => consumers
    .AddCatalogueConsumers()
    .AddComplaintConsumers());
builder.AddCatalogue();
builder.AddComplaints();
builder.AddGatewayIdentity();
builder.AddDemoCity();
builder.AddApiDocumentation();

var app = builder.Build();

app.UsePlatform();
app.MapPlatformEndpoints();
app.MapApiDocumentation();
app.MapCatalogue();
app.MapComplaints();
app.MapGatewayIdentity();
app.MapMessaging();

app.Run();

/// <summary>Entry point, visible to the functional tests' <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
