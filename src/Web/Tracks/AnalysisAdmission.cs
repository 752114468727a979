using System.Collections.Concurrent;
using GenreOrleans.Web.Uploads;
using Microsoft.Extensions.Options;

namespace GenreOrleans.Web.Tracks;

/// <summary>
/// The bounded queue in front of the analysers: this node lets at most
/// <see cref="UploadOptions.MaxPendingAnalyses"/> of its uploads wait or run at once and refuses
/// more, so that a flood of uploads cannot pile up unbounded work. <see cref="AnalysisAdmissionMonitor"/>
/// frees a place when a track finishes.
/// </summary>
public sealed class AnalysisAdmission(IOptions<UploadOptions> options)
{
    private readonly ConcurrentDictionary<Guid, byte> _pending = new();
    private readonly Lock _gate = new();

    public int PendingCount => _pending.Count;

    public IReadOnlyCollection<Guid> Pending => _pending.Keys.ToList();

    public bool TryAdmit(Guid trackId)
    {
        lock (_gate)
        {
            if (_pending.Count >= options.Value.MaxPendingAnalyses)
                return false;
            return _pending.TryAdd(trackId, 0);
        }
    }

    public void Release(Guid trackId) => _pending.TryRemove(trackId, out _);
}
