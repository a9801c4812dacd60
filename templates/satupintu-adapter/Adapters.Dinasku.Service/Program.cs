using Adapters.Dinasku;
using Gateway.Adapters.Sdk.Service;

var builder = WebApplication.CreateBuilder(args);
builder.AddAdapterService(adapters => adapters.AddDinasku());

var app = builder.Build();
app.MapAdapterService(); // the contract the gateway calls, /health, /swagger/v1/swagger.json
// Dinasku's own read endpoints, in JSON, for people signed in at the gateway:
// app.MapGet("/...", ...).RequireAuthorization(GatewaySchemes.ForwardedIdentity);
app.Run();
