using Gateway.Catalogue.Snapshot;

namespace Gateway.Catalogue.Editing;

/// <summary>
/// Serialises catalogue edits in this instance, so that "no overlapping path prefix" is checked and
/// written as one step (across replicas the unique indexes on code, slug and prefix still hold), then
/// makes each successful edit live. The reload runs outside the gate: edits that queued meanwhile are
/// served by one coalesced reload instead of one each.
/// </summary>
internal sealed class CatalogueWriteGate(CatalogueState state) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <param name="changedServices">The services the edit changed (none for an agency): only they are read again.</param>
    public async Task<EditResult<T>> WriteAsync<T>(Func<Task<EditResult<T>>> edit, Func<T, IEnumerable<string>> changedServices, CancellationToken cancellationToken)
    {
        EditResult<T> result;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            result = await edit();
        }
        finally
        {
            _gate.Release();
        }

        if (result.Failure is null)
        {
            await state.ReloadAsync(changedServices(result.Value!), cancellationToken: cancellationToken);
        }

        return result;
    }

    public void Dispose() => _gate.Dispose();
}
