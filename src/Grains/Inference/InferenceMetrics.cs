using System.Diagnostics.Metrics;

namespace GenreOrleans.Grains.Inference;

/// <summary>Metrics of the batching inference (meter <c>GenreOrleans.Inference</c>).</summary>
public sealed class InferenceMetrics
{
    public const string MeterName = "GenreOrleans.Inference";

    public InferenceMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        BatchSize = meter.CreateHistogram<int>("genre.inference.batch.size", "{window}", "Windows per forward pass");
        ForwardDuration = meter.CreateHistogram<double>("genre.inference.batch.duration", "ms", "Time of one forward pass");
        RequestLatency = meter.CreateHistogram<double>("genre.inference.request.latency", "ms", "Time from a request's arrival to its scores, queueing included");
        WindowsScored = meter.CreateCounter<long>("genre.inference.windows", "{window}", "Windows scored");
        FailedBatches = meter.CreateCounter<long>("genre.inference.batch.failures", "{batch}", "Forward passes that threw");
    }

    public Histogram<int> BatchSize { get; }

    public Histogram<double> ForwardDuration { get; }

    public Histogram<double> RequestLatency { get; }

    public Counter<long> WindowsScored { get; }

    public Counter<long> FailedBatches { get; }
}
