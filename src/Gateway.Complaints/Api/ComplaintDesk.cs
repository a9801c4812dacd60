using System.Security.Claims;
using Gateway.Complaints.Events;
using Gateway.Complaints.Model;
using Gateway.Complaints.Persistence;
using Gateway.Complaints.Photos;
using Gateway.Complaints.Progress;
using Gateway.Complaints.Routing;
using Gateway.Contracts.Events.V1;
using Gateway.Messaging;
using Gateway.Messaging.Outbox;
using Gateway.Platform.Localization;
using Gateway.Platform.Problems;
using Gateway.Platform.Security;
using MassTransit;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gateway.Complaints.Api;

/// <summary>A complaint filed, or the fields at fault.</summary>
public sealed record ComplaintFiling(ComplaintStatusView? Complaint, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>A photo added to a complaint, or why not.</summary>
public sealed record ComplaintPhotoAttaching(ComplaintStatusView? Complaint, PhotoRefusal? Refusal);

/// <summary>A complaint reopened, or the fields at fault, or why it cannot be.</summary>
public sealed record ComplaintReopening(ComplaintStatusView? Complaint, IReadOnlyDictionary<string, string[]> Errors, ProblemKind? Refusal = null, BilingualText? Reason = null);

/// <summary>
/// What a complainant does, for <c>/api/complaints</c> and the portal's pages alike: file (signed in or not),
/// follow by tracking code, list their own, reopen once. Filing stores the complaint and its
/// <see cref="ComplaintFiled"/> event in one transaction; routing follows from the bus within seconds.
/// </summary>
public sealed class ComplaintDesk
{
    private static readonly ComplaintInputValidator Validator = new();

    private readonly ComplaintsDbContext _db;
    private readonly ComplaintMoves _moves;
    private readonly ComplaintPhotos _photos;
    private readonly MessagingOptions _messaging;
    private readonly ComplaintOptions _options;
    private readonly TimeProvider _time;

    internal ComplaintDesk(
        ComplaintsDbContext db, ComplaintMoves moves, ComplaintPhotos photos, IOptions<MessagingOptions> messaging, IOptions<ComplaintOptions> options, TimeProvider time)
    {
        _db = db;
        _moves = moves;
        _photos = photos;
        _messaging = messaging.Value;
        _options = options.Value;
        _time = time;
    }

    /// <summary>The categories a complainant picks from (<c>Complaints:Categories</c>, or the built-in list).</summary>
    public IReadOnlyList<ComplaintCategory> Categories => _options.Categories.Count > 0 ? _options.Categories : ComplaintCategory.Defaults;

    /// <summary>The photo limits, for the form's hint.</summary>
    public PhotoOptions PhotoLimits => _photos.Options;

    /// <param name="citizenId">The signed-in citizen, kept with the complaint; null for an anonymous complaint.</param>
    /// <param name="photo">The portal form's optional photo: a refused one refuses the complaint (field <c>photo</c>), so nothing is half-filed.</param>
    public async Task<ComplaintFiling> FileAsync(ComplaintInput input, Guid? citizenId, CancellationToken cancellationToken, IFormFile? photo = null)
    {
        var validation = Validator.Validate(input);
        if (!validation.IsValid)
        {
            return new ComplaintFiling(null, validation.ToErrors());
        }

        var now = _time.GetUtcNow();
        var id = NewId.NextGuid();
        TakenPhoto? taken = null;
        if (photo is { Length: > 0 })
        {
            (taken, var refusal) = await _photos.TakeAsync(id, photo, cancellationToken);
            if (refusal is { } refused)
            {
                return new ComplaintFiling(null, new Dictionary<string, string[]> { ["photo"] = [refused.Message.Localize()] });
            }
        }

        var complaint = new Complaint
        {
            Id = id,
            Channel = ComplaintChannel.Gateway,
            Category = input.Category!,
            Class = input.Class!.Value,
            Subject = input.Subject!,
            Description = input.Description!,
            Location = input.Location,
            ReporterContact = input.ReporterContact,
            CitizenId = citizenId,
            FiledAt = now.UtcDateTime,
            Status = ComplaintStatus.Filed,
        };
        complaint.WithPhoto(taken);
        _db.Complaints.Add(complaint);
        _db.AddEvent(complaint.ToFiledEvent(now, _messaging.GatewayAgency), $"complaint:{complaint.Id}");
        await SaveOrDropPhotoAsync(complaint.Id, taken, cancellationToken);
        return new ComplaintFiling(complaint.ToStatusView(now.UtcDateTime, _options.ReopenDays), new Dictionary<string, string[]>());
    }

    /// <summary>A complaint by its tracking code (its id: unguessable, so it is also the anonymous complainant's key).</summary>
    public async Task<ComplaintStatusView?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var complaint = await _db.Complaints.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return complaint?.ToStatusView(_time.GetUtcNow().UtcDateTime, _options.ReopenDays);
    }

    /// <summary>The complaints the citizen filed while signed in, newest first (at most 200).</summary>
    public async Task<IReadOnlyList<ComplaintStatusView>> MineAsync(ClaimsPrincipal citizen, CancellationToken cancellationToken)
    {
        var id = citizen.AccountIdOf() ?? Guid.Empty;
        var now = _time.GetUtcNow().UtcDateTime;
        var mine = await _db.Complaints.AsNoTracking().Where(c => c.CitizenId == id)
            .OrderByDescending(c => c.FiledAt).Take(200).ToListAsync(cancellationToken);
        return [.. mine.Select(c => c.ToStatusView(now, _options.ReopenDays))];
    }

    /// <summary>
    /// The complaint's photo sent after the complaint (an app that files first and uploads next): once, within
    /// <c>Complaints:Photos:AttachMinutes</c> of filing, by whoever holds the tracking code.
    /// </summary>
    public async Task<ComplaintPhotoAttaching> AttachPhotoAsync(Guid id, IFormFile? file, CancellationToken cancellationToken)
    {
        var complaint = await _db.Complaints.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (complaint is null)
        {
            return new(null, new PhotoRefusal(ProblemKind.NotFound, ComplaintTexts.UnknownComplaint.With(id)));
        }

        var now = _time.GetUtcNow().UtcDateTime;
        if (complaint.PhotoId is not null)
        {
            return new(null, new PhotoRefusal(ProblemKind.Conflict, PhotoTexts.AlreadyAttached));
        }

        if (now > complaint.FiledAt.AddMinutes(_photos.Options.AttachMinutes))
        {
            return new(null, new PhotoRefusal(ProblemKind.Conflict, PhotoTexts.TooLate.With(_photos.Options.AttachMinutes)));
        }

        var (taken, refusal) = await _photos.TakeAsync(id, file, cancellationToken);
        if (refusal is not null)
        {
            return new(null, refusal);
        }

        complaint.WithPhoto(taken);
        complaint.Version++;
        try
        {
            await SaveOrDropPhotoAsync(id, taken, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            _db.ChangeTracker.Clear();
            return new(null, new PhotoRefusal(ProblemKind.Conflict, ComplaintTexts.ChangedMeanwhile));
        }

        return new(complaint.ToStatusView(now, _options.ReopenDays), null);
    }

    /// <summary>The row and the photo's file together, or neither: a failed save takes the file away again.</summary>
    private async Task SaveOrDropPhotoAsync(Guid complaintId, TakenPhoto? photo, CancellationToken cancellationToken)
    {
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch when (photo is not null)
        {
            _photos.Delete(complaintId, photo.Id);
            throw;
        }
    }

    /// <summary>Not satisfied with the answer: back to the agency with a new deadline, once, within <c>Complaints:ReopenDays</c>.</summary>
    public async Task<ComplaintReopening> ReopenAsync(Guid id, string? reason, CancellationToken cancellationToken)
    {
        var noErrors = new Dictionary<string, string[]>();
        if (reason?.Trim() is not { Length: >= 5 and <= 1000 } given)
        {
            return new ComplaintReopening(null, new Dictionary<string, string[]> { ["reason"] = [ComplaintTexts.ReopenReasonRequired.Localize()] });
        }

        var complaint = await _db.Complaints.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (complaint is null)
        {
            return new ComplaintReopening(null, noErrors, ProblemKind.NotFound, ComplaintTexts.UnknownComplaint.With(id));
        }

        var now = _time.GetUtcNow().UtcDateTime;
        if (!ComplaintLifecycle.CanReopen(complaint, now, _options.ReopenDays))
        {
            return new ComplaintReopening(null, noErrors, ProblemKind.Conflict,
                complaint.ReopenedAt is not null ? ComplaintTexts.ReopenedOnce : ComplaintTexts.CannotReopen.With(_options.ReopenDays));
        }

        _moves.Reopen(_db, complaint, given);
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            _db.ChangeTracker.Clear();
            return new ComplaintReopening(null, noErrors, ProblemKind.Conflict, ComplaintTexts.ChangedMeanwhile);
        }

        return new ComplaintReopening(complaint.ToStatusView(now, _options.ReopenDays), noErrors);
    }
}
