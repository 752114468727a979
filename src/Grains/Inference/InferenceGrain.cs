using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Grains.Placement;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace GenreOrleans.Grains.Inference;

/// <summary>
/// Serves the genre model. Reentrant so that many tracks' requests wait in the batcher together;
/// kept always active because loading the model is the expensive part.
/// </summary>
[Reentrant]
[GpuPlacementFilter]
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class InferenceGrain(
    IScoringModelLoader loader,
    IOptions<InferenceOptions> options,
    InferenceMetrics metrics,
    ILocalSiloDetails silo,
    LocalSiloMetadata siloMetadata,
    ISiloMetadataCache metadataCache,
    IClusterMembershipService membership,
    ILogger<InferenceGrain> logger) : Grain, IInferenceGrain
{
    private WindowBatcher? _batcher;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var model = await Task.Run(() => loader.Load(options.Value.ModelDirectory), cancellationToken);
        _batcher = new WindowBatcher(model, options.Value, metrics, logger);
        logger.LogInformation("Inference serving model {Version} on {Device} on silo {Silo}", model.Version, model.Device, silo.SiloAddress);
        // Always active, so never placed again by itself: a CPU silo's activation keeps looking for a GPU silo.
        if (!siloMetadata.HasGpu && options.Value.GpuSiloCheckSeconds > 0)
        {
            var period = TimeSpan.FromSeconds(options.Value.GpuSiloCheckSeconds);
            this.RegisterGrainTimer(MoveToGpuSiloIfAny, period, period);
        }
    }

    private Task MoveToGpuSiloIfAny()
    {
        var gpuSilo = membership.CurrentSnapshot.Members.Values
            .Where(member => member.Status == SiloStatus.Active && !member.SiloAddress.Equals(silo.SiloAddress))
            .Select(member => member.SiloAddress)
            .FirstOrDefault(address => GpuPlacementFilterStrategy.SaysGpu(metadataCache, address));
        if (gpuSilo is not null)
        {
            // Once idle, placement runs again, and the GPU filter keeps only GPU silos.
            logger.LogInformation("Inference moving from silo {Silo} to a GPU silo such as {GpuSilo}", silo.SiloAddress, gpuSilo);
            this.MigrateOnIdle();
        }
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_batcher is not null)
            await _batcher.DisposeAsync();
    }

    public Task<WindowScores> ScoreAsync(WindowBatch batch) => Batcher.ScoreAsync(batch);

    public Task<InferenceStatus> GetStatusAsync() => Task.FromResult(Status());

    public async Task<InferenceStatus> SwapModelAsync(string modelDirectory)
    {
        var next = await Task.Run(() => loader.Load(modelDirectory));
        var previous = Batcher.ModelVersion;
        Batcher.Swap(next);
        logger.LogInformation("Inference swapped model {Previous} for {Next} on {Device}", previous, next.Version, next.Device);
        return Status();
    }

    private WindowBatcher Batcher => _batcher ?? throw new InvalidOperationException("The inference grain is not activated.");

    private InferenceStatus Status() => new(Batcher.ModelVersion, silo.SiloAddress.ToString(), Batcher.BatchesRun,
        Batcher.WindowsScored, options.Value.MaxBatchWindows, options.Value.MaxWaitMilliseconds, Batcher.ModelDevice);
}
