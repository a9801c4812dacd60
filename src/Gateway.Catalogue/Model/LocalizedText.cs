using Gateway.Platform.Localization;

namespace Gateway.Catalogue.Model;

/// <summary>Catalogue content in Indonesian (required) and English (optional; Indonesian is shown when missing).</summary>
public sealed record LocalizedText(string Id, string? En = null)
{
    public string Localize() => Languages.PrefersEnglish() && !string.IsNullOrWhiteSpace(En) ? En : Id;
}
