using GenreOrleans.Web.Storage;
using Microsoft.Extensions.Options;

namespace GenreOrleans.Web.Tracks;

/// <summary>
/// Which tracks each browser uploaded, newest last, one small file per owner id under the data
/// directory. Owner ids are validated GUIDs, so they are safe as file names.
/// </summary>
public sealed class UploadHistory(IOptions<StorageOptions> storageOptions)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task AddAsync(string ownerId, Guid trackId, CancellationToken cancellationToken)
    {
        var path = PathFor(ownerId);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.AppendAllTextAsync(path, trackId.ToString("N") + Environment.NewLine, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The owner's tracks, newest first.</summary>
    public async Task<IReadOnlyList<Guid>> ListAsync(string ownerId, int limit, CancellationToken cancellationToken)
    {
        var path = PathFor(ownerId);
        string[] lines;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!File.Exists(path))
                return [];
            lines = await File.ReadAllLinesAsync(path, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
        return lines
            .Reverse()
            .Select(line => Guid.TryParseExact(line, "N", out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .Distinct()
            .Take(limit)
            .ToList();
    }

    private string PathFor(string ownerId)
    {
        if (!Guid.TryParseExact(ownerId, "N", out var owner))
            throw new ArgumentException("An owner id is a GUID in N format.", nameof(ownerId));
        return Path.Combine(storageOptions.Value.HistoryDirectory, owner.ToString("N") + ".txt");
    }
}
