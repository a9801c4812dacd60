using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Gateway.Messaging;

public enum MessageTransport
{
    /// <summary>In this process only: the embedded default, for one gateway without a broker.</summary>
    InMemory,

    /// <summary>RabbitMQ: production, several gateway replicas, agency apps consuming events.</summary>
    RabbitMq,
}

/// <summary>Settings under <c>Messaging</c>; every one is in the README's configuration table.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    public MessageTransport Transport { get; set; } = MessageTransport.InMemory;

    /// <summary>Names this instance's own queues (e.g. the catalogue reload queue). Empty: host name plus a random suffix.</summary>
    [MaxLength(60)]
    public string? InstanceName { get; set; }

    /// <summary>The code of the agency that runs the gateway: the source of the gateway's own events.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$")]
    public string GatewayAgency { get; set; } = "diskominfo";

    [ValidateObjectMembers]
    public RabbitMqOptions RabbitMq { get; set; } = new();
    public RetryOptions Retry { get; set; } = new();
    [ValidateObjectMembers]
    public OutboxOptions Outbox { get; set; } = new();
    [ValidateObjectMembers]
    public InboxOptions Inbox { get; set; } = new();
    [ValidateObjectMembers]
    public WebhookOptions Webhooks { get; set; } = new();

    /// <summary>
    /// What <c>/healthz/ready</c> reports while the broker is unreachable. Degraded (the default) keeps
    /// the gateway serving: the outbox holds events until the broker is back. Unhealthy takes it out of rotation.
    /// </summary>
    public BusFailureStatus BusFailureStatus { get; set; } = BusFailureStatus.Degraded;

    /// <summary>
    /// Agencies whose apps may subscribe to the events that carry residents' personal data
    /// (<c>CitizenRegistered</c>, <c>CitizenProfileChanged</c>, <c>ServiceRequestSubmitted</c>), e.g. the civil
    /// registry; every other agency is refused them, by webhook or queue. Empty: nobody.
    /// </summary>
    public List<string> PersonalDataAgencies { get; set; } = [];
}

public enum BusFailureStatus
{
    Degraded,
    Unhealthy,
}

public sealed class RabbitMqOptions
{
    [Required]
    public string Host { get; set; } = "localhost";

    [Range(1, 65535)]
    public int Port { get; set; } = 5672;

    [Required]
    public string VirtualHost { get; set; } = "/";

    [Required]
    public string Username { get; set; } = "guest";

    /// <summary>Give it through the environment or a secret (Messaging__RabbitMq__Password), never in a file in git.</summary>
    public string Password { get; set; } = "";

    public bool UseTls { get; set; }

    /// <summary>The name on the broker's certificate when it differs from Host.</summary>
    public string? TlsServerName { get; set; }

    /// <summary>
    /// Messages each queue of this instance takes from the broker before acknowledging, and so handles
    /// at once. MassTransit's own default is twice the cores up to 16: four on a two-core pod, which
    /// leaves an inbox consumer (one short transaction per event) waiting on database round trips
    /// instead of letting PostgreSQL commit many at once (bench/events).
    /// </summary>
    [Range(1, 1000)]
    public int PrefetchCount { get; set; } = 32;
}

public sealed class RetryOptions
{
    private static readonly int[] Default = [200, 1000, 5000];

    /// <summary>
    /// Waits between delivery attempts of a failing message; after the last, it goes to the error queue.
    /// Empty means 200, 1000, 5000. (No default in the property itself: configuration binding would
    /// append the configured values to it instead of replacing it.)
    /// </summary>
    public int[] IntervalsMilliseconds { get; set; } = [];

    public int[] EffectiveIntervals => IntervalsMilliseconds.Length > 0 ? IntervalsMilliseconds : Default;
}

public sealed class OutboxOptions
{
    /// <summary>Off only for maintenance: events then wait in the table.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How often the dispatcher looks for events written by other instances (its own wake it at once).</summary>
    [Range(50, 60_000)]
    public int PollIntervalMilliseconds { get; set; } = 1000;

    [Range(1, 5000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>Longest wait between attempts while the broker is away.</summary>
    [Range(1, 600)]
    public int MaxBackoffSeconds { get; set; } = 30;

    /// <summary>
    /// Failed attempts after which an event is parked: set aside, shown in <c>/api/admin/events/outbox</c>, no longer
    /// retried. Only failures while the broker is connected count (an outage parks nothing).
    /// </summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How long a publish may take before the batch counts as failed.</summary>
    [Range(1, 300)]
    public int PublishTimeoutSeconds { get; set; } = 15;

    /// <summary>How long sent events stay in the table (for audit and debugging) before they are deleted.</summary>
    [Range(0, 24 * 365)]
    public int RetentionHours { get; set; } = 24;

    /// <summary>How often sent events older than <see cref="RetentionHours"/> (and old inbox records) are deleted.</summary>
    [Range(1, 86_400)]
    public int CleanupIntervalSeconds { get; set; } = 60;

    /// <summary>How long an instance keeps the dispatcher role without renewing it (a crashed one hands over after this).</summary>
    [Range(2, 300)]
    public int LeaseSeconds { get; set; } = 15;
}

public sealed class InboxOptions
{
    /// <summary>How long processed event ids are remembered; longer than any redelivery can take.</summary>
    [Range(1, 365)]
    public int RetentionDays { get; set; } = 7;

    /// <summary>
    /// Messages an inbox consumer's queue takes from the broker at once (instead of <c>RabbitMq:PrefetchCount</c>).
    /// They are saved in groups, so more in hand means fewer, larger transactions: with 32 an inbox consumer
    /// waited on its commits (bench/events).
    /// </summary>
    [Range(1, 1000)]
    public int PrefetchCount { get; set; } = 256;
}

public sealed class WebhookOptions
{
    public bool Enabled { get; set; } = true;

    private static readonly int[] DefaultSchedule = [10, 60, 300, 1800, 7200, 21600];

    /// <summary>
    /// Waits before each retry of a failed webhook; after the last, the delivery goes to the dead-letter
    /// list. Empty means 10 s, 1 min, 5 min, 30 min, 2 h, 6 h.
    /// </summary>
    public int[] RetryScheduleSeconds { get; set; } = [];

    public int[] EffectiveSchedule => RetryScheduleSeconds.Length > 0 ? RetryScheduleSeconds : DefaultSchedule;

    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    [Range(100, 60_000)]
    public int PollIntervalMilliseconds { get; set; } = 1000;

    /// <summary>How long delivered webhooks (their bodies carry the event) stay for the history before they are deleted.</summary>
    [Range(1, 3650)]
    public int DeliveredRetentionDays { get; set; } = 7;

    /// <summary>How long a dead delivery waits on the dead-letter list for a replay before it is deleted.</summary>
    [Range(1, 3650)]
    public int DeadRetentionDays { get; set; } = 30;

    /// <summary>Posts one instance makes at once; each endpoint gets at most one at a time across all instances.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 8;
}

/// <summary>Checks every nested section too (data annotations alone stop at the top level).</summary>
[OptionsValidator]
internal sealed partial class MessagingOptionsValidator : IValidateOptions<MessagingOptions>;
