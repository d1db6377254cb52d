using Marketplace.BuildingBlocks.Errors;

namespace Marketplace.BuildingBlocks.Tests;

public sealed class ValidatorTests
{
    [Fact]
    public void Collects_every_broken_field_before_throwing()
    {
        var error = Assert.Throws<ValidationException>(() => new Validator()
            .Require(false, "A", "first")
            .Require(true, "B", "never")
            .Require(false, "A", "second")
            .MaxLength("abcd", 3, "C")
            .ThrowIfInvalid());

        Assert.Equal(["first", "second"], error.Errors["A"]);
        Assert.Equal(["Must be at most 3 characters."], error.Errors["C"]);
        Assert.False(error.Errors.ContainsKey("B"));
    }

    [Fact]
    public void Passes_silently_when_nothing_is_broken() =>
        new Validator().Require(true, "A", "x").MaxLength(null, 1, "B").ThrowIfInvalid();
}
