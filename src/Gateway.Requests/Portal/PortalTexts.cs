using Gateway.Platform.Localization;

namespace Gateway.Requests.Portal;

/// <summary>What the portal's application pages say beyond the API's own messages.</summary>
internal static class PortalTexts
{
    public static readonly BilingualText WholeNumber = new("Isi dengan bilangan bulat, misalnya 2.", "Enter a whole number, for example 2.");
    public static readonly BilingualText Number = new("Isi dengan angka, misalnya 150,5.", "Enter a number, for example 150.5.");
}
