using Yarp.ReverseProxy.Configuration;

// usage: BareYarp <listen url> <backend url>. One route, /bench/echo/{**rest}, with the same request work as
// the gateway's route that is measured: the prefix stripped, X-Forwarded-* set (YARP's default).
var builder = WebApplication.CreateBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.UseUrls(args[0]);
builder.Services.AddReverseProxy().LoadFromMemory(
    [
        new RouteConfig
        {
            RouteId = "echo",
            ClusterId = "backend",
            Match = new RouteMatch { Path = "/bench/echo/{**rest}" },
            Transforms = [new Dictionary<string, string> { ["PathRemovePrefix"] = "/bench/echo" }],
        },
    ],
    [new ClusterConfig { ClusterId = "backend", Destinations = new Dictionary<string, DestinationConfig> { ["b"] = new() { Address = args[1] } } }]);

var app = builder.Build();
app.MapReverseProxy();
app.Run();
