using System.Threading.RateLimiting;

namespace Gateway.Platform.Edge.RateLimits;

/// <summary>
/// How many attempts the gateway allows, per client address and per account or client app (section
/// <c>RateLimits</c>). Each replica counts on its own: with N replicas behind a balancer a client gets up
/// to N times these numbers. Per-address limits are generous because many citizens share one carrier
/// address (mobile networks use carrier-grade NAT); per-account limits are the tight ones. See docs/security.md.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Turn every limit off (load tests only; refused outside Development).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Password sign-in attempts (portal and staff pages) from one address.</summary>
    public Limit SignInPerAddress { get; set; } = new(30, 60);

    /// <summary>Sign-in attempts naming one login (NIK, e-mail or phone), wherever they come from; on top of the account lockout.</summary>
    public Limit SignInPerLogin { get; set; } = new(10, 900);

    public Limit RegistrationPerAddress { get; set; } = new(10, 3600);

    /// <summary>A new verification code for one account: at most one a minute.</summary>
    public Limit CodeResendPerAccount { get; set; } = new(1, 60);

    public Limit CodeResendPerAddress { get; set; } = new(20, 3600);

    public Limit ForgotPasswordPerAddress { get; set; } = new(10, 900);

    /// <summary>Reset messages to one login: a flood of mail to one person is what this stops.</summary>
    public Limit ForgotPasswordPerLogin { get; set; } = new(3, 3600);

    /// <summary>Requests to <c>/connect/token</c> from one address.</summary>
    public Limit TokenPerAddress { get; set; } = new(300, 60);

    /// <summary>Tokens issued to one client app.</summary>
    public Limit TokenPerClient { get; set; } = new(1200, 60);

    /// <summary>Client secrets actually hashed for one client (a wrong secret is slow to refute): beyond it, refused unhashed.</summary>
    public Limit SecretChecksPerClient { get; set; } = new(30, 60);

    /// <summary>Complaints filed from one address (anonymous complaints need no account).</summary>
    public Limit ComplaintsPerAddress { get; set; } = new(10, 3600);

    /// <summary>Public look-ups of a request by tracking number from one address (each wrong NIK ending is a guess).</summary>
    public Limit TrackPerAddress { get; set; } = new(30, 600);

    /// <summary>Catalogue searches from one address.</summary>
    public Limit SearchPerAddress { get; set; } = new(120, 60);

    /// <summary>NIK checks against the civil registry for one account (each guess of a name or birth date is one).</summary>
    public Limit NikCheckPerAccount { get; set; } = new(5, 86400);
}

/// <summary><see cref="Permits"/> per <see cref="WindowSeconds"/>, counted in fixed windows.</summary>
public sealed record Limit
{
    public Limit()
    {
    }

    public Limit(int permits, int windowSeconds)
    {
        Permits = permits;
        WindowSeconds = windowSeconds;
    }

    public int Permits { get; set; } = 1;

    public int WindowSeconds { get; set; } = 60;

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);

    /// <summary>The limiter settings for this limit: a fixed window and no queue (an answer now, never a wait).</summary>
    public FixedWindowRateLimiterOptions FixedWindow() => new()
    {
        PermitLimit = Permits,
        Window = Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>One such limit per key (an address, a login, a caller), made when the key is first seen.</summary>
    public PartitionedRateLimiter<string> PerKey() =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => FixedWindow()));

    /// <summary>How long a refused caller waits: the limiter's own figure, else one whole window.</summary>
    public TimeSpan RetryAfter(RateLimitLease refused) =>
        refused.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
}
