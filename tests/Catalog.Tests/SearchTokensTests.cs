using Marketplace.Catalog.Domain;

namespace Marketplace.Catalog.Tests;

[Trait("Speed", "Fast")]
public sealed class SearchTokensTests
{
    [Fact]
    public void Hangul_words_become_overlapping_two_syllable_tokens()
    {
        Assert.Equal(["사출", "출성", "성형", "형기"], SearchTokens.Of("사출성형기"));
        Assert.Equal(["금"], SearchTokens.Of("금"));
    }

    [Fact]
    public void A_partial_korean_word_is_contained_in_the_compound()
    {
        var document = SearchTokens.Of("사출성형기 금형 온도").ToHashSet();
        Assert.True(SearchTokens.Of("사출").All(document.Contains));
        Assert.True(SearchTokens.Of("성형기").All(document.Contains));
        Assert.False(SearchTokens.Of("프레스").All(document.Contains));
    }

    [Fact]
    public void Latin_words_are_lower_cased_whole_words_in_one_spelling_stemmed_and_scripts_are_split()
    {
        Assert.Equal(["cnc", "머시", "시닝", "닝센", "센터", "1", "호기"], SearchTokens.Of("CNC머시닝센터 1호기"));
        Assert.Equal(["inject", "mold", "machin"], SearchTokens.Of("Injection-Moulding, MACHINE!"));
    }

    [Theory]
    [InlineData("Injection moulding sensors", "injection molding sensor")]
    [InlineData("MOULDS and molds", "molds and mould")]
    [InlineData("temp", "temperatures")]
    public void Spellings_and_forms_of_a_word_make_the_same_tokens(string one, string other) =>
        Assert.Equal(SearchTokens.Of(one).ToHashSet(), SearchTokens.Of(other).ToHashSet());

    [Fact]
    public void Hangul_and_numbers_are_not_stemmed() =>
        Assert.Equal(["사출", "출성", "성형", "2024", "rpm"], SearchTokens.Of("사출성형 2024 rpm"));

    [Fact]
    public void Full_width_forms_are_normalised()
    {
        Assert.Equal(SearchTokens.Of("CNC 2024"), SearchTokens.Of("ＣＮＣ ２０２４"));
    }

    [Fact]
    public void The_stored_document_holds_each_token_once()
    {
        Assert.Equal("사출 금형 press", SearchTokens.Document(["사출 금형", "Press 사출", null]));
        Assert.Empty(SearchTokens.Of("  ,;  "));
        Assert.Empty(SearchTokens.Of(new string('a', SearchTokens.MaxTokenLength + 1)));
    }
}
