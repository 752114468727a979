using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Grains.Inference;
using GenreOrleans.Grains.Persistence;
using GenreOrleans.Grains.Placement;
using GenreOrleans.Grains.Serialization;
using GenreOrleans.Grains.Tracks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Placement;
using Orleans.Runtime.Hosting;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Serialization;
using TorchSharp;

namespace GenreOrleans.Grains.Hosting;

public static class GenreOrleansSiloBuilderExtensions
{
    /// <summary>
    /// Everything the grains need on a silo, apart from clustering: application database and
    /// track storage, silo metadata (<c>Orleans:Metadata</c>, <c>gpu=auto</c> resolved: <see cref="LocalSiloMetadata"/>) with the GPU placement filter,
    /// serialisation of the analysis types, inference options and metrics, the model load at start and the restart scan.
    /// src/Silo, src/Web (co-hosted) and the TestCluster tests all configure silos through it.
    /// </summary>
    public static ISiloBuilder AddGenreOrleansGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        var metadata = LocalSiloMetadata.FromConfiguration(configuration, CudaAvailable);
        silo.UseSiloMetadata(new Dictionary<string, string>(metadata.Values));
        var services = silo.Services;
        services.AddSingleton(metadata);
        services.AddGenreOrleansDatabase(configuration);
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, DatabaseSiloStartup>();
        services.AddGrainStorage(TrackStateStorage.Name, (provider, _) => ActivatorUtilities.CreateInstance<TrackStateStorage>(provider));
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, InterruptedTrackResumer>();
        services.AddSerializer(serializer => serializer.AddAnalysisResultJson());
        services.AddPlacementFilter<GpuPlacementFilterStrategy, GpuPlacementFilterDirector>(ServiceLifetime.Singleton);

        services.Configure<TrackGrainOptions>(configuration.GetSection(TrackGrainOptions.SectionName));
        services.TryAddSingleton<AnalysisThrottle>();
        services.Configure<InferenceOptions>(configuration.GetSection(InferenceOptions.SectionName));
        services.AddMetrics();
        services.TryAddSingleton<InferenceMetrics>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, InferenceWarmUp>();
        services.TryAddSingleton<IWindowScorer, InferenceGrainScorer>();
        services.TryAddSingleton<ITempoKeyReader, TempoKeyReader>();
        services.TryAddSingleton<ITrackPipeline, TrackAnalyzerPipeline>();
        services.TryAddSingleton<IScoringModelLoader, InferenceSessionLoader>();
        return silo;
    }

    /// <summary>
    /// Whether torch sees a CUDA device. A torch that cannot start at all counts as none: the silo still
    /// comes up, and loading the model reports the torch error where it is logged and shown (InferenceGrain).
    /// </summary>
    private static bool CudaAvailable()
    {
        try
        {
            return InferenceSession.DefaultDevice().type == DeviceType.CUDA;
        }
        catch (Exception exception) when (exception is TypeInitializationException or DllNotFoundException or NotSupportedException)
        {
            return false;
        }
    }
}
