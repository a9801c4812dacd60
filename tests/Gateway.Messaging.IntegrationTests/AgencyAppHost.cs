using System.Collections.Concurrent;
using Gateway.Contracts.Events.V1;
using Gateway.Messaging.Bus;
using Gateway.Messaging.Inbox;
using Gateway.Messaging.Persistence;
using Gateway.Platform;
using Gateway.Platform.Agencies;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Gateway.Messaging.IntegrationTests;

/// <summary>
/// A .NET agency app built on SatuPintu's messaging module (as an adapter would be): the real module,
/// real RabbitMQ and SQLite, with two consumers whose behaviour the tests control.
/// </summary>
internal sealed class AgencyAppHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDirectory;

    private AgencyAppHost(WebApplication app, string dataDirectory)
    {
        _app = app;
        _dataDirectory = dataDirectory;
    }

    public ConsumerLog Log => _app.Services.GetRequiredService<ConsumerLog>();

    public IBus Bus => _app.Services.GetRequiredService<IBus>();

    public IServiceProvider Services => _app.Services;

    public static async Task<AgencyAppHost> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "satupintu-tests", Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Admin:Key"] = GatewayApp.AdminKey,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddPlatform();
        builder.Services.AddSingleton<ConsumerLog>();
        builder.Services.AddSingleton<IAgencyDirectory, EveryAgency>();
        builder.AddMessaging(consumers => consumers
            .Shared<FailingComplaintConsumer>()
            .Shared<CountingRequestConsumer>());
        var app = builder.Build();
        await app.StartAsync();
        // The bus starts in the background; until it is up, the consumers' queues may not be bound yet.
        var health = app.Services.GetRequiredService<HealthCheckService>();
        await Eventually.HoldsAsync(
            async () => (await health.CheckHealthAsync(c => c.Name == "bus")).Status == HealthStatus.Healthy, "the bus to start");
        return new AgencyAppHost(app, dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private sealed class EveryAgency : IAgencyDirectory
    {
        public bool Exists(string agencyCode) => true;
    }
}

/// <summary>What the test consumers saw: attempts per event id.</summary>
internal sealed class ConsumerLog
{
    public ConcurrentDictionary<Guid, int> FailingAttempts { get; } = new();
    public ConcurrentDictionary<Guid, int> Handled { get; } = new();
    public ConcurrentDictionary<Guid, int> Applied { get; } = new();
    public ConcurrentDictionary<Guid, int> Delivered { get; } = new();

    private int _largestGroup;

    /// <summary>The most events one inbox transaction held (1 when each event was saved alone).</summary>
    public int LargestGroup => Volatile.Read(ref _largestGroup);

    public void SawGroupOf(int size)
    {
        int seen;
        while (size > (seen = Volatile.Read(ref _largestGroup)) && Interlocked.CompareExchange(ref _largestGroup, size, seen) != seen)
        {
        }
    }
}

/// <summary>Throws for any complaint whose subject is "poison", like a consumer hitting a bug on one message.</summary>
internal sealed class FailingComplaintConsumer(ConsumerLog log) : IConsumer<ComplaintFiled>
{
    public Task Consume(ConsumeContext<ComplaintFiled> context)
    {
        log.FailingAttempts.AddOrUpdate(context.Message.EventId, 1, (_, n) => n + 1);
        if (context.Message.Subject == "poison")
        {
            throw new InvalidOperationException("cannot process this complaint");
        }

        log.Handled.AddOrUpdate(context.Message.EventId, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}

/// <summary>
/// An idempotent consumer: counts how often each event's change was committed, and how large its groups were. (Handling can start
/// twice when two deliveries of one event run concurrently; only one commits.)
/// </summary>
internal sealed class CountingRequestConsumer(ConsumerLog log, IServiceProvider services)
    : IdempotentConsumer<ServiceRequestSubmitted, MessagingDbContext>(services)
{
    protected override ValueTask<bool> ShouldHandleAsync(ServiceRequestSubmitted message, CancellationToken cancellationToken)
    {
        log.Delivered.AddOrUpdate(message.EventId, 1, (_, n) => n + 1);
        return ValueTask.FromResult(true);
    }

    /// <summary>Stages nothing of its own; throws for service "poison", like a handler hitting a bug on one event.</summary>
    protected override Task HandleAsync(ServiceRequestSubmitted message, CancellationToken cancellationToken)
    {
        if (message.ServiceSlug == "poison")
        {
            throw new InvalidOperationException("cannot apply this request");
        }

        // Inbox records staged before this event's: earlier events of the same group (one transaction).
        log.SawGroupOf(Db.ChangeTracker.Entries<Inbox.InboxRecord>().Count() + 1);
        return Task.CompletedTask;
    }

    protected override void AfterSave(ServiceRequestSubmitted message) => log.Applied.AddOrUpdate(message.EventId, 1, (_, n) => n + 1);
}
