using System.ComponentModel.DataAnnotations;

namespace Gateway.Identity.Notices;

/// <summary><c>Identity:Notices</c>: how citizens' notices about their requests and complaints are sent.</summary>
public sealed class NoticeOptions
{
    /// <summary>How often notices not yet sent are looked for.</summary>
    [Range(1, 3600)]
    public int SendIntervalSeconds { get; set; } = 5;

    /// <summary>Tries per notice before it is left unsent (it stays on the citizen's list).</summary>
    [Range(1, 100)]
    public int MaxSendAttempts { get; set; } = 5;
}
