using Gateway.Complaints.Routing;
using Gateway.Contracts.Events.V1;
using Gateway.Platform.Agencies;
using Gateway.Platform.Calendar;
using Microsoft.Extensions.Options;

namespace Gateway.Complaints.Tests;

public sealed class ComplaintRouterTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));

    private static ComplaintRouter Router(params string[] registered) => new(Options.Create(new ComplaintOptions
    {
        Rules =
        [
            new RoutingRule { Category = "jalan-*", AgencyCode = "dpupr" },
            new RoutingRule { Category = "adminduk", AgencyCode = "disdukcapil" },
            new RoutingRule { Category = "sampah", AgencyCode = "dlh" },
        ],
    }), new Directory(registered), new WorkingCalendar([], TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta")));

    [Theory]
    [InlineData("jalan-rusak", "dpupr")]
    [InlineData("JALAN-berlubang", "dpupr")]
    [InlineData("adminduk", "disdukcapil")]
    public void A_matching_rule_routes_to_its_agency(string category, string agency)
    {
        var decision = Router("dpupr", "disdukcapil").Route(category, ComplaintClass.Simple, Monday);

        Assert.Equal(agency, decision.AgencyCode);
        Assert.False(decision.Unrouted);
    }

    [Fact]
    public void No_matching_rule_goes_to_the_diskominfo_queue_with_the_reason()
    {
        var decision = Router("dpupr").Route("lampu-jalan-mati", ComplaintClass.Simple, Monday);

        Assert.Equal("diskominfo", decision.AgencyCode);
        Assert.True(decision.Unrouted);
        Assert.Contains("lampu-jalan-mati", decision.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_naming_an_unregistered_agency_does_not_lose_the_complaint()
    {
        var decision = Router("dpupr").Route("sampah", ComplaintClass.Simple, Monday);

        Assert.True(decision.Unrouted);
        Assert.Equal("diskominfo", decision.AgencyCode);
        Assert.Contains("dlh", decision.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ComplaintClass.Urgent, 2)]
    [InlineData(ComplaintClass.Simple, 5)]
    [InlineData(ComplaintClass.Complex, 14)]
    [InlineData(ComplaintClass.Structural, 60)]
    public void The_deadline_follows_the_complaint_class(ComplaintClass complaintClass, int workingDays)
    {
        var decision = Router("dpupr").Route("jalan-rusak", complaintClass, Monday);

        Assert.Equal(workingDays, decision.ResponseWorkingDays);
        Assert.True(decision.ResponseDueAt > Monday.AddDays(workingDays - 1));
    }

    private sealed class Directory(string[] registered) : IAgencyDirectory
    {
        public bool Exists(string agencyCode) => registered.Contains(agencyCode);
    }
}
