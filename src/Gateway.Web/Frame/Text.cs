using Gateway.Platform.Localization;

namespace Gateway.Web.Frame;

/// <summary>The pages' words: Indonesian first, English when the visitor chose it.</summary>
public static class Text
{
    public static string T(string indonesian, string english) => Languages.PrefersEnglish() ? english : indonesian;

    public static string T(BilingualText text) => text.Localize();

    public static string Lang => Languages.PrefersEnglish() ? Languages.English : Languages.Indonesian;
}
