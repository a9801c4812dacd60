using System.Collections.Concurrent;

namespace Gateway.Adapters.SampleHost;

/// <summary>A case in a sample app: its number, the client's reference (for duplicate submits), status and data.</summary>
public sealed class LegacyCase
{
    public required string Number { get; init; }
    public required string ClientReference { get; init; }
    public required string Service { get; init; }
    public required DateTimeOffset FiledAt { get; init; }
    public required IReadOnlyDictionary<string, string> Data { get; init; }
    public string Status { get; set; } = "";
    public string? Note { get; set; }
    public List<string> Attachments { get; } = [];
}

/// <summary>The sample app's cases, in memory; duplicate submits (same client reference) find the first case.</summary>
public sealed class CaseBook
{
    private readonly ConcurrentDictionary<string, LegacyCase> _byNumber = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LegacyCase> _byClientReference = new(StringComparer.Ordinal);
    private int _serial;

    public int Count => _byNumber.Count;

    public IReadOnlyCollection<LegacyCase> All => [.. _byNumber.Values];

    /// <summary>Files a case, or returns the one already filed under <paramref name="clientReference"/> (created: false).</summary>
    public (LegacyCase Case, bool Created) File(string clientReference, Func<int, LegacyCase> create)
    {
        var created = false;
        var legacyCase = _byClientReference.GetOrAdd(clientReference, _ =>
        {
            created = true;
            return create(Interlocked.Increment(ref _serial));
        });
        _byNumber.TryAdd(legacyCase.Number, legacyCase);
        return (legacyCase, created);
    }

    /// <summary>Files a case even when one with the same client reference exists, as systems without any duplicate check do.</summary>
    public LegacyCase FileWithoutDuplicateCheck(Func<int, LegacyCase> create)
    {
        var legacyCase = create(Interlocked.Increment(ref _serial));
        _byNumber[legacyCase.Number] = legacyCase;
        return legacyCase;
    }

    public LegacyCase? Find(string number) => _byNumber.GetValueOrDefault(number);
}
