using Gateway.Complaints;
using Gateway.Complaints.Model;
using Gateway.Complaints.Persistence;
using Gateway.Contracts.Events.V1;
using Gateway.Messaging;
using Gateway.Messaging.Bus;
using Gateway.Messaging.Inbox;
using Gateway.Messaging.Outbox;
using Gateway.Platform;
using Gateway.Platform.Agencies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using MassTransit;

namespace Gateway.Bench.Events;

/// <summary>
/// The gateway's modules as they run in production: each event is a complaint row and its
/// <see cref="ComplaintFiled"/> saved in one transaction (producers in parallel, like concurrent
/// API requests), published by the outbox dispatcher, and applied by an inbox consumer.
/// </summary>
internal sealed class GatewayPipeline(string virtualHost, string database, string? connectionString) : IBenchTarget
{
    private static readonly bool Direct = Environment.GetEnvironmentVariable("BENCH_DIRECT") == "1";
    private static readonly int PerTransaction = int.Parse(Environment.GetEnvironmentVariable("BENCH_PER_TRANSACTION") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly int Producers = int.Parse(Environment.GetEnvironmentVariable("BENCH_PRODUCERS") ?? "16", System.Globalization.CultureInfo.InvariantCulture);
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "satupintu-bench-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public async Task StartAsync()
    {
        // Development: a bench on loopback, not a deployment (which would need host names, certificates, TLS).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = _dataDirectory,
            ["Database:Provider"] = database == "postgres" ? "Postgres" : "Sqlite",
            ["Database:ConnectionString"] = connectionString ?? "",
            ["Admin:Key"] = "bench-admin-key-0123456789abcdef",
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:RabbitMq:Host"] = "127.0.0.1",
            ["Messaging:RabbitMq:VirtualHost"] = virtualHost,
            ["Messaging:RabbitMq:Username"] = "guest",
            ["Messaging:RabbitMq:Password"] = "guest",
            ["Messaging:Webhooks:Enabled"] = "false",
            ["Messaging:Outbox:DispatcherEnabled"] = Environment.GetEnvironmentVariable("BENCH_PRODUCE_ONLY") == "1" ? "false" : "true",
        });
        // Logs to stderr: stdout carries only the result line run.sh reads.
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddPlatform();
        builder.Services.AddSingleton<IAgencyDirectory, NoAgencies>();
        builder.Services.AddSingleton<Arrivals>();
        if (Environment.GetEnvironmentVariable("BENCH_CONSUMER") == "plain")
        {
            builder.AddMessaging(consumers => consumers.Shared<PlainComplaintConsumer>());
        }
        else
        {
            builder.AddMessaging(consumers => consumers.Shared<BenchComplaintConsumer>());
        }
        builder.AddComplaints(); // its table only: its routing consumer is not registered here
        _app = builder.Build();
        await _app.StartAsync();
        var health = _app.Services.GetRequiredService<HealthCheckService>();
        while ((await health.CheckHealthAsync(c => c.Name == "bus")).Status != HealthStatus.Healthy)
        {
            await Task.Delay(100);
        }
    }

    public async Task RunAsync(int events)
    {
        var done = _app!.Services.GetRequiredService<Arrivals>().Expect(events);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Producers).Select(async _ =>
        {
            int first;
            while ((first = Interlocked.Add(ref next, PerTransaction) - PerTransaction + 1) < events)
            {
                var count = Math.Min(PerTransaction, events - first);
                var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                await using var scope = _app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
                GC.KeepAlive(db.Model);
                var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
                var direct = new List<ComplaintFiled>();
                for (var i = 0; i < count; i++)
                {
                    var filed = Samples.Complaint();
                    db.Complaints.Add(new Complaint
                    {
                        Id = filed.ComplaintId,
                        Channel = filed.Channel,
                        Category = filed.Category,
                        Class = filed.Class,
                        Subject = filed.Subject,
                        Description = filed.Description,
                        Location = filed.Location,
                        FiledAt = filed.OccurredAt.UtcDateTime,
                        Status = ComplaintStatus.Filed,
                    });
                    if (Direct)
                    {
                        direct.Add(filed);
                    }
                    else
                    {
                        db.AddEvent(filed, $"complaint:{filed.ComplaintId}");
                    }
                }

                var t2 = System.Diagnostics.Stopwatch.GetTimestamp();
                await db.SaveChangesAsync();
                if (Direct)
                {
                    // Without an outbox: publish after the commit (an event is lost if the process dies in between).
                    var bus = _app.Services.GetRequiredService<IBus>();
                    await Task.WhenAll(direct.Select(e => bus.Publish(e, c => c.MessageId = e.EventId)));
                }

                var t3 = System.Diagnostics.Stopwatch.GetTimestamp();
                Interlocked.Add(ref Timing.Create, t1 - t0);
                Interlocked.Add(ref Timing.Add, t2 - t1);
                Interlocked.Add(ref Timing.Save, t3 - t2);
            }
        }));
        if (Environment.GetEnvironmentVariable("BENCH_PRODUCE_ONLY") == "1")
        {
            return;
        }

        await done;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private sealed class NoAgencies : IAgencyDirectory
    {
        public bool Exists(string agencyCode) => false;
    }
}

/// <summary>Applies each complaint event once (inbox row in the same transaction), then counts it.</summary>
internal sealed class BenchComplaintConsumer(Arrivals arrivals, IServiceProvider services)
    : IdempotentConsumer<ComplaintFiled, ComplaintsDbContext>(services)
{
    protected override Task HandleAsync(ComplaintFiled message, CancellationToken cancellationToken) => Task.CompletedTask;

    protected override void AfterSave(ComplaintFiled message) => arrivals.Arrived();
}

internal sealed class PlainComplaintConsumer(Arrivals arrivals) : MassTransit.IConsumer<ComplaintFiled>
{
    public Task Consume(MassTransit.ConsumeContext<ComplaintFiled> context)
    {
        arrivals.Arrived();
        return Task.CompletedTask;
    }
}

internal static class Timing
{
    public static long Create;
    public static long Add;
    public static long Save;
}
