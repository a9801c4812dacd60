using Gateway.Catalogue.Events;
using Gateway.Catalogue.Model;
using Gateway.Catalogue.Persistence;
using Gateway.Contracts.Events.V1;
using Gateway.Platform.Database;
using Gateway.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Catalogue.Editing;

/// <summary>Creates, changes and removes agencies; every successful edit is live in the proxy when it returns.</summary>
public sealed class AgencyEditor
{
    private static readonly AgencyInputValidator Validator = new();

    private readonly CatalogueDbContext _db;
    private readonly CatalogueWriteGate _gate;
    private readonly CatalogueEvents _events;
    private readonly CatalogueAudit _audit;
    private readonly TimeProvider _time;

    internal AgencyEditor(CatalogueDbContext db, CatalogueWriteGate gate, CatalogueEvents events, CatalogueAudit audit, TimeProvider time)
    {
        _db = db;
        _gate = gate;
        _events = events;
        _audit = audit;
        _time = time;
    }

    public async Task<EditResult<Agency>> CreateAsync(AgencyInput input, CancellationToken cancellationToken = default)
    {
        if (Validate(input) is { } invalid)
        {
            return invalid;
        }

        return await _gate.WriteAsync(async () =>
        {
            if (await _db.Agencies.AnyAsync(a => a.Code == input.Code, cancellationToken))
            {
                return EditFailure.Field(ProblemKind.Conflict, "code", Messages.AgencyCodeInUse.With(input.Code));
            }

            var now = _time.GetUtcNow();
            var agency = new Agency
            {
                Code = input.Code!,
                Name = input.Name!,
                Description = input.Description!,
                Contact = input.Contact ?? new AgencyContact(null, null, null, null),
                CreatedAt = now,
                UpdatedAt = now,
            };
            _db.Agencies.Add(agency);
            return await SaveAsync(agency, CatalogueChangeKind.AgencyCreated, cancellationToken);
        }, _ => [], cancellationToken);
    }

    public async Task<EditResult<Agency>> UpdateAsync(string code, AgencyInput input, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        if (input.Code is not null && input.Code != code)
        {
            return EditFailure.Field(ProblemKind.Validation, "code", Messages.IdentifierImmutable);
        }

        input = input with { Code = code };
        if (Validate(input) is { } invalid)
        {
            return invalid;
        }

        return await _gate.WriteAsync(async () =>
        {
            var agency = await _db.Agencies.SingleOrDefaultAsync(a => a.Code == code, cancellationToken);
            if (Check(agency, code, expectedVersion) is { } failure)
            {
                return failure;
            }

            agency!.Name = input.Name!;
            agency.Description = input.Description!;
            agency.Contact = input.Contact ?? new AgencyContact(null, null, null, null);
            agency.UpdatedAt = _time.GetUtcNow();
            agency.Version++;
            return await SaveAsync(agency, CatalogueChangeKind.AgencyUpdated, cancellationToken);
        }, _ => [], cancellationToken);
    }

    public async Task<EditResult<Agency>> DeleteAsync(string code, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        return await _gate.WriteAsync(async () =>
        {
            var agency = await _db.Agencies.SingleOrDefaultAsync(a => a.Code == code, cancellationToken);
            if (Check(agency, code, expectedVersion) is { } failure)
            {
                return failure;
            }

            var services = await _db.Services.CountAsync(s => s.AgencyId == agency!.Id, cancellationToken);
            if (services > 0)
            {
                return new EditFailure(ProblemKind.Conflict, Messages.AgencyHasServices.With(code, services));
            }

            _db.Agencies.Remove(agency!);
            return await SaveAsync(agency!, CatalogueChangeKind.AgencyDeleted, cancellationToken);
        }, _ => [], cancellationToken);
    }

    private static EditFailure? Validate(AgencyInput input)
    {
        var result = Validator.Validate(input);
        return result.IsValid ? null : new EditFailure(ProblemKind.Validation, Errors: result.ToErrors());
    }

    private static EditFailure? Check(Agency? agency, string code, int? expectedVersion)
    {
        if (agency is null)
        {
            return new EditFailure(ProblemKind.NotFound, Messages.UnknownAgency.With(code));
        }

        return expectedVersion is { } expected && expected != agency.Version
            ? new EditFailure(ProblemKind.PreconditionFailed, Messages.ChangedMeanwhile.With(expected, agency.Version))
            : null;
    }

    private async Task<EditResult<Agency>> SaveAsync(Agency agency, CatalogueChangeKind change, CancellationToken cancellationToken)
    {
        _events.AgencyChanged(_db, change, agency);
        _audit.AgencyChanged(_db, change, agency);
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return EditFailure.Field(ProblemKind.Conflict, "code", Messages.AgencyCodeInUse.With(agency.Code));
        }
        catch (DbUpdateConcurrencyException)
        {
            return new EditFailure(ProblemKind.PreconditionFailed, Messages.ChangedMeanwhile.With(agency.Version, "?"));
        }

        return EditResult.Ok(agency);
    }
}
