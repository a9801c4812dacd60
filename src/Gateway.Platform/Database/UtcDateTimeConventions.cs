using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gateway.Platform.Database;

public static class UtcDateTimeConventions
{
    /// <summary>
    /// Every <see cref="DateTime"/> of the model is UTC. SQLite hands them back without a kind, and the
    /// JSON of an unspecified time carries no offset, which a client reads as its own local time.
    /// Storage is unchanged (same column type), so no migration follows from it.
    /// </summary>
    public static ModelConfigurationBuilder UseUtcDateTimes(this ModelConfigurationBuilder configuration)
    {
        configuration.Properties<DateTime>().HaveConversion<UtcConverter>();
        configuration.Properties<DateTime?>().HaveConversion<UtcConverter>();
        return configuration;
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
