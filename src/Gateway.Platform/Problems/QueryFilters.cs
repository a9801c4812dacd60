using System.Text.Json;
using Gateway.Platform.Localization;

namespace Gateway.Platform.Problems;

/// <summary>Reads query-string filters leniently (any letter case) and names the parameter when a value is unknown.</summary>
public static class QueryFilters
{
    private static readonly BilingualText UnknownValue = new("Nilai tidak dikenal. Pilihan: {0}.", "Unknown value. Choose one of: {0}.");

    /// <summary>The enum value named by <paramref name="value"/> (camelCase or any case), null when absent; adds an error when unknown.</summary>
    public static T? Enum<T>(string? value, string parameter, IDictionary<string, string[]> errors) where T : struct, System.Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        var choices = string.Join(", ", System.Enum.GetNames<T>().Select(JsonNamingPolicy.CamelCase.ConvertName));
        errors[parameter] = [UnknownValue.With(choices).Localize()];
        return null;
    }
}
