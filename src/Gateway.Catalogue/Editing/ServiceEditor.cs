using Gateway.Catalogue.Events;
using Gateway.Catalogue.Model;
using Gateway.Catalogue.Persistence;
using Gateway.Contracts.Events.V1;
using Gateway.Platform.Database;
using Gateway.Platform.Problems;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Catalogue.Editing;

/// <summary>
/// Creates, changes and removes services and their exposures. Every successful edit is live in the
/// proxy when it returns; a refused edit writes nothing.
/// </summary>
public sealed class ServiceEditor
{
    private static readonly ServiceInputValidator Validator = new();
    private static readonly ExposureInputValidator ExposureValidator = new();

    private readonly CatalogueDbContext _db;
    private readonly CatalogueWriteGate _gate;
    private readonly ExposureBuilder _exposures;
    private readonly CatalogueEvents _events;
    private readonly CatalogueAudit _audit;
    private readonly TimeProvider _time;

    internal ServiceEditor(CatalogueDbContext db, CatalogueWriteGate gate, ExposureBuilder exposures, CatalogueEvents events, CatalogueAudit audit, TimeProvider time)
    {
        _db = db;
        _gate = gate;
        _exposures = exposures;
        _events = events;
        _audit = audit;
        _time = time;
    }

    public async Task<EditResult<Service>> CreateAsync(ServiceInput input, CancellationToken cancellationToken = default)
    {
        if (Validate(input) is { } invalid)
        {
            return invalid;
        }

        return await _gate.WriteAsync(async () =>
        {
            var agency = await _db.Agencies.SingleOrDefaultAsync(a => a.Code == input.AgencyCode, cancellationToken);
            if (agency is null)
            {
                return EditFailure.Field(ProblemKind.Validation, "agencyCode", Messages.UnknownAgency.With(input.AgencyCode));
            }

            if (await _db.Services.AnyAsync(s => s.Slug == input.Slug, cancellationToken))
            {
                return EditFailure.Field(ProblemKind.Conflict, "slug", Messages.SlugInUse.With(input.Slug));
            }

            var service = ServiceInputs.NewService(input, agency, _time.GetUtcNow());
            if (input.Exposure is not null
                && await _exposures.ApplyAsync(service, agency, input.Exposure, "exposure.", cancellationToken) is { } refused)
            {
                return refused;
            }

            _db.Services.Add(service);
            return await SaveAsync(service, CatalogueChangeKind.ServiceCreated, cancellationToken);
        }, service => [service.Slug], cancellationToken);
    }

    public async Task<EditResult<Service>> UpdateAsync(string slug, ServiceInput input, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        if (input.Slug is not null && input.Slug != slug)
        {
            return EditFailure.Field(ProblemKind.Validation, "slug", Messages.IdentifierImmutable);
        }

        input = input with { Slug = slug };
        if (Validate(input) is { } invalid)
        {
            return invalid;
        }

        return await _gate.WriteAsync(async () =>
        {
            var service = await FindAsync(slug, cancellationToken);
            if (Check(service, slug, expectedVersion) is { } failure)
            {
                return failure;
            }

            var agency = await _db.Agencies.SingleOrDefaultAsync(a => a.Code == input.AgencyCode, cancellationToken);
            if (agency is null)
            {
                return EditFailure.Field(ProblemKind.Validation, "agencyCode", Messages.UnknownAgency.With(input.AgencyCode));
            }

            ServiceInputs.Apply(service!, input, agency, _time.GetUtcNow());
            service!.Version++;
            if (input.Exposure is not null
                && await _exposures.ApplyAsync(service, agency, input.Exposure, "exposure.", cancellationToken) is { } refused)
            {
                return refused;
            }

            return await SaveAsync(service, CatalogueChangeKind.ServiceUpdated, cancellationToken);
        }, service => [service.Slug], cancellationToken);
    }

    public async Task<EditResult<Service>> DeleteAsync(string slug, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        return await _gate.WriteAsync(async () =>
        {
            var service = await FindAsync(slug, cancellationToken);
            if (Check(service, slug, expectedVersion) is { } failure)
            {
                return failure;
            }

            _db.Services.Remove(service!);
            return await SaveAsync(service!, CatalogueChangeKind.ServiceDeleted, cancellationToken);
        }, service => [service.Slug], cancellationToken);
    }

    /// <summary>Exposes the service through the gateway, or replaces how it is exposed.</summary>
    public async Task<EditResult<Service>> PutExposureAsync(string slug, ExposureInput input, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var validation = ExposureValidator.Validate(input);
        if (!validation.IsValid)
        {
            return new EditFailure(ProblemKind.Validation, Errors: validation.ToErrors());
        }

        return await _gate.WriteAsync(async () =>
        {
            var service = await FindAsync(slug, cancellationToken);
            if (Check(service, slug, expectedVersion) is { } failure)
            {
                return failure;
            }

            if (await _exposures.ApplyAsync(service!, service!.Agency!, input, "", cancellationToken) is { } refused)
            {
                return refused;
            }

            Touch(service);
            return await SaveAsync(service, CatalogueChangeKind.ServiceExposed, cancellationToken);
        }, service => [service.Slug], cancellationToken);
    }

    /// <summary>Takes the service off the gateway; its catalogue entry stays.</summary>
    public async Task<EditResult<Service>> DeleteExposureAsync(string slug, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        return await _gate.WriteAsync(async () =>
        {
            var service = await FindAsync(slug, cancellationToken);
            if (Check(service, slug, expectedVersion) is { } failure)
            {
                return failure;
            }

            if (service!.Exposure is null)
            {
                return new EditFailure(ProblemKind.NotFound, Messages.NotExposed.With(slug));
            }

            _db.Exposures.Remove(service.Exposure);
            service.Exposure = null;
            Touch(service);
            return await SaveAsync(service, CatalogueChangeKind.ServiceUnexposed, cancellationToken);
        }, service => [service.Slug], cancellationToken);
    }

    private static EditFailure? Validate(ServiceInput input)
    {
        var result = Validator.Validate(input);
        return result.IsValid ? null : new EditFailure(ProblemKind.Validation, Errors: result.ToErrors());
    }

    private static EditFailure? Check(Service? service, string slug, int? expectedVersion)
    {
        if (service is null)
        {
            return new EditFailure(ProblemKind.NotFound, Messages.UnknownService.With(slug));
        }

        return expectedVersion is { } expected && expected != service.Version
            ? new EditFailure(ProblemKind.PreconditionFailed, Messages.ChangedMeanwhile.With(expected, service.Version))
            : null;
    }

    private Task<Service?> FindAsync(string slug, CancellationToken cancellationToken) =>
        _db.Services.Include(s => s.Exposure).Include(s => s.Agency).SingleOrDefaultAsync(s => s.Slug == slug, cancellationToken);

    /// <summary>An exposure change is a change of its service: it moves the catalogue's fingerprint.</summary>
    private void Touch(Service service)
    {
        service.UpdatedAt = _time.GetUtcNow();
        service.Version++;
    }

    private async Task<EditResult<Service>> SaveAsync(Service service, CatalogueChangeKind change, CancellationToken cancellationToken)
    {
        _events.ServiceChanged(_db, change, service, service.Agency!.Code);
        _audit.ServiceChanged(_db, change, service);
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // A concurrent writer (another replica) took the slug or the prefix first.
            return new EditFailure(ProblemKind.Conflict, Messages.SlugInUse.With(service.Slug));
        }
        catch (DbUpdateConcurrencyException)
        {
            return new EditFailure(ProblemKind.PreconditionFailed, Messages.ChangedMeanwhile.With(service.Version, "?"));
        }

        return EditResult.Ok(service);
    }
}
