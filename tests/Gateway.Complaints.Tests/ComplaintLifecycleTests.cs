using Gateway.Complaints.Model;
using Gateway.Contracts.Events.V1;

namespace Gateway.Complaints.Tests;

public sealed class ComplaintLifecycleTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 3, 0, 0, DateTimeKind.Utc);

    private static Complaint With(ComplaintStatus status, DateTime? answeredAt = null, DateTime? reopenedAt = null, DateTime? dueAt = null) => new()
    {
        Category = "jalan-rusak",
        Subject = "Jalan berlubang",
        Description = "Lubang besar.",
        Status = status,
        AnsweredAt = answeredAt,
        ReopenedAt = reopenedAt,
        ResponseDueAt = dueAt,
    };

    [Theory]
    [InlineData(ComplaintStatus.Routed, true)]
    [InlineData(ComplaintStatus.Reopened, true)]
    [InlineData(ComplaintStatus.Unrouted, false)] // assigned first
    [InlineData(ComplaintStatus.Filed, false)]
    [InlineData(ComplaintStatus.Answered, false)]
    [InlineData(ComplaintStatus.Closed, false)]
    public void The_agency_answers_only_what_is_with_it_awaiting_an_answer(ComplaintStatus status, bool allowed) =>
        Assert.Equal(allowed, ComplaintLifecycle.CanAnswer(With(status)));

    [Fact]
    public void A_complaint_is_reopened_once_only_after_an_answer_and_within_the_reopening_period()
    {
        Assert.True(ComplaintLifecycle.CanReopen(With(ComplaintStatus.Answered, answeredAt: Now.AddDays(-3)), Now, reopenDays: 30));
        Assert.True(ComplaintLifecycle.CanReopen(With(ComplaintStatus.Closed, answeredAt: Now.AddDays(-30)), Now, reopenDays: 30));
        Assert.False(ComplaintLifecycle.CanReopen(With(ComplaintStatus.Closed, answeredAt: Now.AddDays(-31)), Now, reopenDays: 30));
        Assert.False(ComplaintLifecycle.CanReopen(With(ComplaintStatus.Answered, answeredAt: Now.AddDays(-1), reopenedAt: Now.AddDays(-2)), Now, 30));
        Assert.False(ComplaintLifecycle.CanReopen(With(ComplaintStatus.Routed), Now, 30));
    }

    [Fact]
    public void Overdue_means_past_the_deadline_and_still_awaiting_an_answer()
    {
        Assert.True(ComplaintLifecycle.IsOverdue(With(ComplaintStatus.Routed, dueAt: Now.AddMinutes(-1)), Now));
        Assert.True(ComplaintLifecycle.IsOverdue(With(ComplaintStatus.Unrouted, dueAt: Now.AddMinutes(-1)), Now));
        Assert.False(ComplaintLifecycle.IsOverdue(With(ComplaintStatus.Answered, dueAt: Now.AddMinutes(-1)), Now));
        Assert.False(ComplaintLifecycle.IsOverdue(With(ComplaintStatus.Routed, dueAt: Now.AddMinutes(1)), Now));
    }
}
