using Marketplace.BuildingBlocks.Errors;

namespace Marketplace.BuildingBlocks.Tests;

[Trait("Speed", "Fast")]
public sealed class ValidatorTests
{
    [Fact]
    public void Collects_every_broken_field_before_throwing()
    {
        var error = Assert.Throws<ValidationException>(() => new Validator()
            .Require(false, "a", "first")
            .Require(true, "b", "never")
            .Require(false, "a", "second")
            .MaxLength("abcd", 3, "c")
            .ThrowIfInvalid());

        Assert.Equal(["first", "second"], error.Errors["a"]);
        Assert.Equal(["Must be at most 3 characters."], error.Errors["c"]);
        Assert.False(error.Errors.ContainsKey("b"));
    }

    [Fact]
    public void Errors_name_members_as_json_paths_in_camel_case_whatever_the_code_called_them()
    {
        var error = Assert.Throws<ValidationException>(() => new Validator()
            .Require(false, "Classification.ProcessStage", "x")
            .Require(false, "Structure.Fields[0].Name", "x")
            .Require(false, "terms.territory", "x")
            .ThrowIfInvalid());

        Assert.Equal(["classification.processStage", "structure.fields[0].name", "terms.territory"], error.Errors.Keys.Order());
    }

    [Fact]
    public void Passes_silently_when_nothing_is_broken() =>
        new Validator().Require(true, "A", "x").MaxLength(null, 1, "B").ThrowIfInvalid();
}
