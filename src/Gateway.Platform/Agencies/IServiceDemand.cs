namespace Gateway.Platform.Agencies;

/// <summary>
/// Which services citizens apply for most, for the portal's "popular services". The requests module
/// implements it; without it the portal simply shows no such list.
/// </summary>
public interface IServiceDemand
{
    /// <summary>Service slugs, most requested first (recent weeks), at most <paramref name="count"/>.</summary>
    IReadOnlyList<string> MostRequested(int count);
}
