using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Gateway.Platform.Audit;

/// <summary>
/// Before and after of what a SaveChanges is about to write, read from EF's change tracker: added rows
/// with their values, changed rows with each changed field's old and new value, removed rows with their
/// last values. Secrets never enter it: a property whose name says secret, password, hash, key or stamp
/// shows only that it changed.
/// </summary>
public static class AuditSummary
{
    private static readonly string[] SecretWords = ["secret", "password", "hash", "key", "stamp", "token"];

    /// <summary>The changes of <paramref name="entity"/> and of the entities it owns or that belong to it in this save.</summary>
    public static string Of(DbContext db, params object?[] entities)
    {
        var changes = new JsonArray();
        foreach (var entity in entities)
        {
            if (entity is not null && db.ChangeTracker.Entries().FirstOrDefault(e => ReferenceEquals(e.Entity, entity)) is { } entry)
            {
                changes.Add(Describe(entry));
            }
        }

        return changes.ToJsonString();
    }

    /// <summary>A summary of plain facts (counts, names), for actions that change no single row.</summary>
    public static string Facts(object facts) => JsonSerializer.Serialize(facts, JsonSerializerOptions.Web);

    private static JsonObject Describe(EntityEntry entry)
    {
        var fields = new JsonObject();
        foreach (var property in entry.Properties)
        {
            Add(fields, entry.State, property.Metadata.Name, property.OriginalValue, property.CurrentValue, property.IsModified);
        }

        // Complex properties (a name in two languages, a contact) are described as one field with their parts.
        foreach (var complex in entry.ComplexProperties)
        {
            var before = new JsonObject();
            var after = new JsonObject();
            var changed = false;
            foreach (var part in complex.Properties)
            {
                before[part.Metadata.Name] = Safe(part.Metadata.Name, part.OriginalValue);
                after[part.Metadata.Name] = Safe(part.Metadata.Name, part.CurrentValue);
                changed |= part.IsModified && !Equals(part.OriginalValue, part.CurrentValue);
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    fields[complex.Metadata.Name] = after;
                    break;
                case EntityState.Deleted:
                    fields[complex.Metadata.Name] = before;
                    break;
                case EntityState.Modified when changed:
                    fields[complex.Metadata.Name] = new JsonObject { ["before"] = before, ["after"] = after };
                    break;
            }
        }

        return new JsonObject
        {
            ["entity"] = entry.Metadata.ClrType.Name,
            ["state"] = entry.State.ToString(),
            ["fields"] = fields,
        };
    }

    private static void Add(JsonObject fields, EntityState state, string name, object? original, object? current, bool isModified)
    {
        switch (state)
        {
            case EntityState.Added:
                fields[name] = Safe(name, current);
                break;
            case EntityState.Deleted:
                fields[name] = Safe(name, original);
                break;
            case EntityState.Modified when isModified && !Equals(original, current):
                fields[name] = IsSecret(name)
                    ? new JsonObject { ["changed"] = true }
                    : new JsonObject { ["before"] = Value(original), ["after"] = Value(current) };
                break;
        }
    }

    /// <summary>A secret's value never; only whether one is set.</summary>
    private static JsonNode? Safe(string name, object? value) =>
        IsSecret(name) ? (value is null ? null : JsonValue.Create("(set)")) : Value(value);

    private static bool IsSecret(string name) => SecretWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase));

    private static JsonNode? Value(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        _ => JsonSerializer.SerializeToNode(value, value.GetType(), JsonSerializerOptions.Web),
    };
}
