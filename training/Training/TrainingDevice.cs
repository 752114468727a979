namespace GenreOrleans.Training.Training;

/// <summary>Where the networks train (<c>--device</c>); see <see cref="TrainingOptions.TorchDevice"/>.</summary>
public enum TrainingDevice
{
    /// <summary>CUDA when torch sees a GPU, else the CPU.</summary>
    Auto,
    Cpu,
    Cuda,
}
