using Adapters.Disdukcapil;
using Adapters.Dpmptsp;
using Adapters.Lapor;
using Adapters.Rsud;
using Gateway.Adapters.Sdk.Registration;
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

var builder = WebApplication.CreateBuilder(args);

builder.AddPlatform();
builder.AddMessaging(consumers => consumers
    .AddCatalogueConsumers()
    .AddComplaintConsumers()
    .AddRequestConsumers());
builder.AddCatalogue();
builder.AddProxy();
builder.AddComplaints();
builder.AddRequests();
builder.AddAdapters(adapters => adapters
    .AddDisdukcapil()
    .AddDpmptsp()
    .AddRsud()
    .AddLapor());
builder.AddGatewayIdentity();
#if SATUPINTU_DEMO
builder.AddDemoCity();
#else
builder.RefuseDemoCity();
#endif
builder.AddApiDocumentation();

var app = builder.Build();

app.UsePlatform();
app.MapPlatformEndpoints();
app.MapApiDocumentation();
app.MapCatalogue();
app.MapComplaints();
app.MapRequests();
app.MapGatewayIdentity();
app.MapProxy();
app.MapMessaging();

app.Run();

/// <summary>Entry point, visible to the functional tests' <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
