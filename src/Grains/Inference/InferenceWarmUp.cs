using GenreOrleans.Grains.Placement;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenreOrleans.Grains.Inference;

/// <summary>
/// When the silo becomes active, activates the <see cref="InferenceGrain"/> in the background if
/// <see cref="InferenceOptions.LoadModelAtStart"/> covers this silo: starting torch and loading
/// the weights took about a second of the first upload after a start. A failure here is only
/// logged; the grain tries again, and reports the error, when a track needs it.
/// </summary>
public sealed class InferenceWarmUp(
    IGrainFactory grainFactory,
    IOptions<InferenceOptions> options,
    LocalSiloMetadata metadata,
    ILogger<InferenceWarmUp> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(InferenceWarmUp), ServiceLifecycleStage.Active, cancellationToken =>
        {
            if (ShouldLoad())
                _ = Task.Run(LoadAsync, CancellationToken.None);
            return Task.CompletedTask;
        });

    public async Task LoadAsync()
    {
        try
        {
            await grainFactory.GetGrain<IInferenceGrain>(IInferenceGrain.SingletonKey).GetStatusAsync();
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "The genre model could not be loaded at start; the first analysis will try again");
        }
    }

    private bool ShouldLoad() => options.Value.LoadModelAtStart switch
    {
        ModelLoadAtStart.Always => true,
        // The same metadata the placement filter reads, gpu=auto resolved.
        ModelLoadAtStart.GpuSilos => metadata.HasGpu,
        _ => false,
    };
}
