namespace Gateway.Catalogue.Editing;

/// <summary>
/// Serialises catalogue edits in this instance, so that "no overlapping path prefix" is checked and
/// written as one step. Across replicas, the unique indexes on code, slug and path prefix still hold.
/// </summary>
internal sealed class CatalogueWriteGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        return new Releaser(_gate);
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
