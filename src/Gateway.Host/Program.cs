using Gateway.Audit;
using Gateway.Catalogue;
using Gateway.Catalogue.Events;
using Gateway.Complaints;
using Gateway.Complaints.Events;
#if SATUPINTU_DEMO
using Gateway.Demo;
#endif
using Gateway.Host;
using Gateway.Identity;
using Gateway.Messaging;
using Gateway.Platform;
using Gateway.Proxy;
using Gateway.Requests;
using Gateway.Web;

var builder = WebApplication.CreateBuilder(args);

#if SATUPINTU_DEMO
builder.AddDemoCitySettings(); // before the modules: they read the settings the demo gives them
#else
builder.RefuseDemoCity();
#endif
builder.AddPlatform();
builder.AddAudit();
builder.AddMessaging(consumers => consumers
    .AddCatalogueConsumers()
    .AddComplaintConsumers()
    .AddRequestConsumers());
builder.AddCatalogue();
builder.AddProxy();
builder.AddComplaints();
builder.AddRequests();
builder.AddGatewayIdentity();
builder.AddWebPages();
#if SATUPINTU_DEMO
builder.AddDemoCity();
#endif
builder.AddApiDocumentation();

var app = builder.Build();

app.UsePlatform();
app.MapPlatformEndpoints();
app.MapApiDocumentation();
app.MapAudit();
app.MapCatalogue();
app.MapComplaints();
app.MapRequests();
app.MapGatewayIdentity();
app.MapWebPages();
app.MapProxy();
app.MapMessaging();

app.Run();

/// <summary>Entry point, visible to the functional tests' <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
