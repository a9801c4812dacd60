using System.Globalization;

namespace Gateway.Platform.Localization;

/// <summary>
/// A sentence shown to people, in Indonesian (the default) and English. Kept beside the code that
/// uses it so a message and its translation change together.
/// </summary>
public readonly record struct BilingualText(string Id, string En)
{
    /// <summary>The text in the current request's language.</summary>
    public string Localize() => Languages.PrefersEnglish() ? En : Id;

    /// <summary>Fills the <c>{0}</c>… placeholders of both languages.</summary>
    public BilingualText With(params object?[] args) =>
        new(string.Format(CultureInfo.InvariantCulture, Id, args), string.Format(CultureInfo.InvariantCulture, En, args));
}
