using Gateway.Contracts.Events.V1;
using Gateway.Messaging.Outbox;
using Gateway.Requests.Model;
using Gateway.Requests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Requests.IntegrationTests;

/// <summary>
/// A save that fails (here: an idempotency key used twice) must leave the pooled context usable. It once
/// did not: the outbox's wake-up mark stayed on the context and its next save threw.
/// </summary>
public sealed class FailedSaveTests(RequestGateway fixture) : IClassFixture<RequestGateway>
{
    [Fact]
    public async Task After_a_failed_save_with_an_event_the_same_context_saves_the_next_one()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
        var citizen = Guid.NewGuid();
        db.Requests.Add(Request(citizen, "key-1"));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        db.Requests.Add(Request(citizen, "key-1"));
        db.AddEvent(Overdue(), "test");
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));

        db.ChangeTracker.Clear();
        db.Requests.Add(Request(citizen, "key-2"));
        db.AddEvent(Overdue(), "test");
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, await db.Requests.CountAsync(r => r.CitizenId == citizen, TestContext.Current.CancellationToken));
    }

    private static ServiceRequest Request(Guid citizen, string key) => new()
    {
        Id = Guid.NewGuid(),
        TrackingNumber = "TEST-" + Guid.NewGuid().ToString("N")[..12],
        ServiceSlug = RequestGatewayBase.ServiceSlug,
        AgencyCode = RequestGatewayBase.Agency,
        AdapterName = "service:" + RequestGatewayBase.ServiceSlug,
        CitizenId = citizen,
        ApplicantName = "Uji",
        Fields = [],
        IdempotencyKey = key,
        ContentHash = new string('0', 64),
        Status = ServiceRequestStatus.Cancelled,
        Dispatch = DispatchState.Withdrawn,
        SubmittedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
        DueAt = DateTime.UtcNow.AddDays(3),
    };

    private static ServiceRequestOverdue Overdue() => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = DateTimeOffset.UtcNow,
        SourceAgency = "diskominfo",
        CorrelationId = Guid.NewGuid(),
        RequestId = Guid.NewGuid(),
        TrackingNumber = "TEST",
        ServiceSlug = RequestGatewayBase.ServiceSlug,
        AgencyCode = RequestGatewayBase.Agency,
        DueAt = DateTimeOffset.UtcNow,
        Status = ServiceRequestStatus.Submitted,
    };
}
