namespace Gateway.Platform.Notices;

/// <summary>
/// Something a citizen should hear about one of their requests or complaints: a new status, with what the
/// agency said. Written by the module that makes the change, in the same transaction (so a notice is never
/// lost, never sent for a change that failed); listed on the citizen's portal and sent by e-mail (or SMS)
/// by the identity module, which knows how to reach them.
/// </summary>
public sealed class CitizenNotice
{
    public long Id { get; set; }
    public Guid CitizenId { get; set; }

    /// <summary><see cref="NoticeTopics"/>: what the notice is about.</summary>
    public required string Topic { get; set; }

    /// <summary>The request's tracking number, or the complaint's id.</summary>
    public required string Reference { get; set; }

    /// <summary>The new status (the contract's camelCase name, e.g. <c>completed</c>, <c>answered</c>).</summary>
    public required string Status { get; set; }

    /// <summary>The headline in Indonesian and English, written by the module that knows its words (e.g. "Permohonan BDG-…: Selesai").</summary>
    public required string TitleId { get; set; }

    public required string TitleEn { get; set; }

    /// <summary>What the agency said: the note with the status, or the complaint's answer.</summary>
    public string? Text { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>When it was sent to the citizen's e-mail or phone; null until then (or when they have neither).</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Tries to send it so far; the sender gives up after a few.</summary>
    public int SendAttempts { get; set; }
}

public static class NoticeTopics
{
    public const string Request = "request";
    public const string Complaint = "complaint";
}
