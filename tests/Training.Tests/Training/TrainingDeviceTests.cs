using GenreOrleans.Training.Training;
using static TorchSharp.torch;

namespace GenreOrleans.Training.Tests.Training;

public sealed class TrainingDeviceTests
{
    [Fact]
    public void The_cpu_choice_trains_on_the_cpu()
    {
        Assert.Equal(TorchSharp.DeviceType.CPU, new TrainingOptions { Device = TrainingDevice.Cpu }.TorchDevice().type);
    }

    [Fact]
    public void Auto_trains_on_cuda_exactly_when_torch_sees_a_gpu()
    {
        var expected = cuda.is_available() ? TorchSharp.DeviceType.CUDA : TorchSharp.DeviceType.CPU;

        Assert.Equal(expected, new TrainingOptions().TorchDevice().type);
    }

    [SkippableFact]
    public void Asking_for_cuda_where_torch_sees_none_is_refused_rather_than_run_on_the_cpu()
    {
        Skip.If(cuda.is_available(), "this machine has a CUDA device");

        var error = Assert.Throws<InvalidOperationException>(() => new TrainingOptions { Device = TrainingDevice.Cuda }.TorchDevice());

        Assert.Contains("--device cuda", error.Message);
    }
}
