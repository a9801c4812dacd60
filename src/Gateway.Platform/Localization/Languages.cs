using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;

namespace Gateway.Platform.Localization;

/// <summary>The gateway speaks Indonesian first and English on request (<c>?lang=en</c> or <c>Accept-Language: en</c>).</summary>
public static class Languages
{
    public const string Indonesian = "id";
    public const string English = "en";

    public static bool PrefersEnglish() =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == English;

    public static RequestLocalizationOptions CreateOptions()
    {
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture(Indonesian)
            .AddSupportedCultures(Indonesian, English)
            .AddSupportedUICultures(Indonesian, English);
        options.FallBackToParentCultures = true;
        options.FallBackToParentUICultures = true;
        options.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
            new CookieRequestCultureProvider { CookieName = Edge.GatewayCookies.Language },
            new AcceptLanguageHeaderRequestCultureProvider(),
        ];
        return options;
    }
}
