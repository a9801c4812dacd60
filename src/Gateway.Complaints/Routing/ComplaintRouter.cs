using Gateway.Contracts.Events.V1;
using Gateway.Platform.Agencies;
using Gateway.Platform.Calendar;
using Microsoft.Extensions.Options;

namespace Gateway.Complaints.Routing;

/// <summary>Where a complaint goes and by when it must be answered.</summary>
internal sealed record RoutingDecision(string AgencyCode, bool Unrouted, string Note, int ResponseWorkingDays, DateTimeOffset ResponseDueAt);

/// <summary>Applies the configured category rules. Never fails to decide: no match means the fallback queue.</summary>
internal sealed class ComplaintRouter(IOptions<ComplaintOptions> options, IAgencyDirectory agencies, WorkingCalendar calendar)
{
    private readonly ComplaintOptions _options = options.Value;

    public RoutingDecision Route(string category, ComplaintClass complaintClass, DateTimeOffset filedAt)
    {
        var days = _options.ResponseWorkingDays.For(complaintClass);
        var due = calendar.AddWorkingDays(filedAt, days);
        var rule = _options.Rules.FirstOrDefault(r => Matches(r.Category, category));
        if (rule is null)
        {
            return new RoutingDecision(_options.FallbackAgency, true, $"no routing rule for category '{category}'", days, due);
        }

        if (!agencies.Exists(rule.AgencyCode))
        {
            return new RoutingDecision(_options.FallbackAgency, true,
                $"rule '{rule.Category}' names agency '{rule.AgencyCode}', which is not registered in the catalogue", days, due);
        }

        return new RoutingDecision(rule.AgencyCode, false, $"rule '{rule.Category}'", days, due);
    }

    internal static bool Matches(string pattern, string category) =>
        pattern.EndsWith('*')
            ? category.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(pattern, category, StringComparison.OrdinalIgnoreCase);
}
