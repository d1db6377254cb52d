using System.Globalization;
using System.Text;
using Marketplace.BuildingBlocks.Organisations;
using Marketplace.BuildingBlocks.Vocabulary;

namespace Marketplace.Contracts.Domain;

/// <summary>The agreement as people read it: Markdown in Korean or English, generated from the same terms the parties signed.</summary>
public static class AgreementText
{
    public static readonly string[] Languages = ["ko", "en"];

    public static string Render(Agreement a, string? titleKo, string? titleEn, PartyName provider, PartyName buyer, string language)
    {
        var ko = language == "ko";
        var t = a.Terms;
        string L(IReadOnlyList<Term> vocabulary, string code) => Taxonomy.Find(vocabulary, code) is { } term ? (ko ? term.LabelKo : term.LabelEn) : code;
        string Won(decimal amount) => amount.ToString("#,0", CultureInfo.InvariantCulture) + (ko ? "원" : " KRW");
        var purposes = string.Join(", ", t.Purposes.Select(p => L(Taxonomy.Purposes, p)));
        var security = t.SecurityMeasures.Length == 0 ? (ko ? "없음" : "none") : string.Join(", ", t.SecurityMeasures.Select(m => L(TermsVocabulary.SecurityMeasures, m)));
        var title = (ko ? titleKo ?? titleEn : titleEn ?? titleKo) ?? a.DatasetId.ToString();
        // A standard scope is said in the text's language; a scope the parties wrote is theirs, as written.
        var scope = Taxonomy.Find(TermsVocabulary.Scopes, t.Scope) is { } standard ? (ko ? standard.LabelKo : standard.LabelEn) : t.Scope;
        var b = new StringBuilder();
        if (ko)
        {
            b.AppendLine("# 데이터 제공 계약서").AppendLine();
            b.AppendLine(CultureInfo.InvariantCulture, $"- 계약 번호: `{a.Id}`");
            b.AppendLine(CultureInfo.InvariantCulture, $"- 제공자(갑): {Named(provider, ko)} (기관 `{a.ProviderOrganisationId}`)");
            b.AppendLine(CultureInfo.InvariantCulture, $"- 이용자(을): {Named(buyer, ko)} (기관 `{a.BuyerOrganisationId}`)");
            b.AppendLine(CultureInfo.InvariantCulture, $"- 대상 데이터: {title} (데이터셋 `{a.DatasetId}`, 버전 {a.DatasetVersion})");
            b.AppendLine(CultureInfo.InvariantCulture, $"- 계약 문서 해시(SHA-256): `{a.Hash}`").AppendLine();
            b.AppendLine("## 제1조 (이용 목적 및 범위)").AppendLine(CultureInfo.InvariantCulture, $"을은 데이터를 다음 목적에만 이용한다: {purposes}. 이용 범위: {scope}").AppendLine();
            b.AppendLine("## 제2조 (계약 기간)").AppendLine(CultureInfo.InvariantCulture, $"{t.StartDate:yyyy-MM-dd}부터 {t.EndDate:yyyy-MM-dd} 전일까지 {t.DurationMonths}개월.").AppendLine();
            b.AppendLine("## 제3조 (이용 지역)").AppendLine(string.Join(", ", t.Territory)).AppendLine();
            b.AppendLine("## 제4조 (대가)").AppendLine(CultureInfo.InvariantCulture, $"을은 갑에게 {Won(a.PriceKrw)}을 지급한다. 기준 가격표 버전 {a.Check.BaselineVersion}의 허용 범위 {Won(a.Check.BandFloorKrw)} ~ {Won(a.Check.BandCeilingKrw)} 안의 가격이다.").AppendLine();
            b.AppendLine("## 제5조 (재배포 및 2차적 저작물)").AppendLine(CultureInfo.InvariantCulture, $"{L(TermsVocabulary.Redistribution, t.Redistribution)}. 2차적 저작물 작성: {(t.DerivativeWorks ? "허용" : "금지")}. 독점 이용: {(t.Exclusive ? "예" : "아니오")}.").AppendLine();
            b.AppendLine("## 제6조 (보안 조치)").AppendLine(security).AppendLine();
            b.AppendLine("## 제7조 (데이터 파기)").AppendLine(CultureInfo.InvariantCulture, $"을은 계약 종료 후 {t.DeletionDays}일 이내에 데이터와 사본을 파기한다.").AppendLine();
            b.AppendLine("## 제8조 (손해배상)").AppendLine(CultureInfo.InvariantCulture, $"각 당사자의 책임 한도는 {Won(t.LiabilityCapKrw)}로 한다.").AppendLine();
            b.AppendLine("## 제9조 (준거법 및 분쟁 해결)").AppendLine(CultureInfo.InvariantCulture, $"이 계약은 대한민국 법에 따른다. 분쟁: {L(TermsVocabulary.DisputeResolution, t.DisputeResolution)}.");
        }
        else
        {
            b.AppendLine("# Data provision agreement").AppendLine();
            b.AppendLine(CultureInfo.InvariantCulture, $"- Agreement: `{a.Id}`");
            b.AppendLine(CultureInfo.InvariantCulture, $"- Provider: {Named(provider, ko)} (organisation `{a.ProviderOrganisationId}`)");
            b.AppendLine(CultureInfo.InvariantCulture, $"- Buyer: {Named(buyer, ko)} (organisation `{a.BuyerOrganisationId}`)");
            b.AppendLine(CultureInfo.InvariantCulture, $"- Data: {title} (dataset `{a.DatasetId}`, version {a.DatasetVersion})");
            b.AppendLine(CultureInfo.InvariantCulture, $"- Hash of the agreement document (SHA-256): `{a.Hash}`").AppendLine();
            b.AppendLine("## 1. Purpose and scope").AppendLine(CultureInfo.InvariantCulture, $"The buyer uses the data only for: {purposes}. Scope: {scope}").AppendLine();
            b.AppendLine("## 2. Term").AppendLine(CultureInfo.InvariantCulture, $"{t.DurationMonths} months, from {t.StartDate:yyyy-MM-dd} until the day before {t.EndDate:yyyy-MM-dd}.").AppendLine();
            b.AppendLine("## 3. Territory").AppendLine(string.Join(", ", t.Territory)).AppendLine();
            b.AppendLine("## 4. Price").AppendLine(CultureInfo.InvariantCulture, $"The buyer pays the provider {Won(a.PriceKrw)}, inside the band {Won(a.Check.BandFloorKrw)} to {Won(a.Check.BandCeilingKrw)} of baseline version {a.Check.BaselineVersion}.").AppendLine();
            b.AppendLine("## 5. Redistribution and derivative works").AppendLine(CultureInfo.InvariantCulture, $"{L(TermsVocabulary.Redistribution, t.Redistribution)}. Derivative works: {(t.DerivativeWorks ? "allowed" : "not allowed")}. Exclusive: {(t.Exclusive ? "yes" : "no")}.").AppendLine();
            b.AppendLine("## 6. Security measures").AppendLine(security).AppendLine();
            b.AppendLine("## 7. Deletion").AppendLine(CultureInfo.InvariantCulture, $"The buyer deletes the data and every copy within {t.DeletionDays} days after the agreement ends.").AppendLine();
            b.AppendLine("## 8. Liability").AppendLine(CultureInfo.InvariantCulture, $"Each party's liability is capped at {Won(t.LiabilityCapKrw)}.").AppendLine();
            b.AppendLine("## 9. Governing law and disputes").AppendLine(CultureInfo.InvariantCulture, $"This agreement is governed by the laws of the Republic of Korea. Disputes: {L(TermsVocabulary.DisputeResolution, t.DisputeResolution)}.");
        }

        return b.ToString();
    }

    /// <summary>The name in the text's language, the other one if that is all there is, else "unknown".</summary>
    private static string Named(PartyName party, bool ko) =>
        (ko ? party.NameKo ?? party.NameEn : party.NameEn ?? party.NameKo) ?? (ko ? "(이름 미확인)" : "(name not known)");
}
