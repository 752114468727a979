namespace GenreOrleans.Dsp.Decoding;

/// <summary>A whole track as one channel at one sample rate, with the facts of the stream it came from.</summary>
public sealed record MonoAudio(float[] Samples, int SampleRate, AudioStreamInfo Info)
{
    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / SampleRate);
}
