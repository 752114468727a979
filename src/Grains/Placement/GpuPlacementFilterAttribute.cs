using Orleans.Placement;

namespace GenreOrleans.Grains.Placement;

/// <summary>Places the grain on silos whose metadata says <c>gpu=true</c>, or on any silo when none does.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class GpuPlacementFilterAttribute() : PlacementFilterAttribute(new GpuPlacementFilterStrategy());
