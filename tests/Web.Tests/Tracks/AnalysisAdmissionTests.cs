using GenreOrleans.Web.Tracks;
using GenreOrleans.Web.Uploads;
using Microsoft.Extensions.Options;

namespace GenreOrleans.Web.Tests.Tracks;

public sealed class AnalysisAdmissionTests
{
    private static AnalysisAdmission WithRoomFor(int pending) =>
        new(Options.Create(new UploadOptions { MaxPendingAnalyses = pending }));

    [Fact]
    public void Refuses_a_track_once_the_queue_is_full()
    {
        var admission = WithRoomFor(2);
        Assert.True(admission.TryAdmit(Guid.NewGuid()));
        Assert.True(admission.TryAdmit(Guid.NewGuid()));
        Assert.False(admission.TryAdmit(Guid.NewGuid()));
    }

    [Fact]
    public void Admits_again_after_a_track_is_released()
    {
        var admission = WithRoomFor(1);
        var first = Guid.NewGuid();
        Assert.True(admission.TryAdmit(first));
        admission.Release(first);
        Assert.True(admission.TryAdmit(Guid.NewGuid()));
    }
}
