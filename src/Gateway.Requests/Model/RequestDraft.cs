namespace Gateway.Requests.Model;

/// <summary>
/// A citizen's unfinished application for one service, kept on the server so it survives a closed tab, a
/// dropped connection or a switch of phone; deleted when the application is submitted.
/// </summary>
public sealed class RequestDraft
{
    public Guid CitizenId { get; set; }
    public required string ServiceSlug { get; set; }

    /// <summary>The answers as typed, field by field (not yet checked against the form).</summary>
    public Dictionary<string, string> Answers { get; set; } = [];

    public DateTime SavedAt { get; set; }
}
