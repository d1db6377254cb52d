using Marketplace.BuildingBlocks.Vocabulary;

namespace Marketplace.Contracts.Domain;

/// <summary>The codes contract terms are written in, with Korean and English labels for the agreement text.</summary>
public static class TermsVocabulary
{
    public static readonly IReadOnlyList<Term> Redistribution =
    [
        new("never", "재배포 금지", "No redistribution"),
        new("derived-products-only", "파생 상품으로만 배포 가능", "Redistribution only as derived products"),
    ];

    public static readonly IReadOnlyList<Term> SecurityMeasures =
    [
        new("encryption-in-transit", "전송 구간 암호화", "Encryption in transit"),
        new("encryption-at-rest", "저장 데이터 암호화", "Encryption at rest"),
        new("access-control", "접근 권한 통제", "Access control"),
        new("access-logging", "접근 기록 보관", "Access logging"),
        new("named-personnel-only", "지정 인원만 접근", "Named personnel only"),
        new("on-premises-only", "구매자 사내 설비에서만 처리", "Processing on the buyer's premises only"),
    ];

    public static readonly IReadOnlyList<Term> DisputeResolution =
    [
        new("korean-commercial-arbitration-board", "대한상사중재원 중재", "Arbitration by the Korean Commercial Arbitration Board"),
        new("seoul-central-district-court", "서울중앙지방법원 관할", "Seoul Central District Court"),
    ];

    public static readonly IReadOnlyList<Term> TerminationReasons =
    [
        new("commercial-disagreement", "상업적 조건 불일치", "Commercial terms not agreed"),
        new("no-longer-needed", "더 이상 필요하지 않음", "No longer needed"),
        new("breach-of-terms", "계약 조건 위반", "Breach of terms"),
        new("other", "기타", "Other"),
    ];

    /// <summary>
    /// Standard scopes of use, written in each language of the agreement text; a scope the parties write themselves
    /// is their own text, shown as written.
    /// </summary>
    public static readonly IReadOnlyList<Term> Scopes =
    [
        new("buyer-internal", "을의 조직 내부에서 합의된 목적에 한하여 이용", "Use inside the buyer organisation for the agreed purposes"),
    ];

    /// <summary>Reasons the platform itself gives; parties cannot choose them.</summary>
    public static readonly IReadOnlyList<Term> PlatformReasons =
    [
        new("expired", "응답 기한 경과", "No answer within the response period"),
        new("dataset-withdrawn", "데이터셋 게시 철회", "The dataset was withdrawn"),
        new("dataset-suspended", "데이터셋 게시 정지", "The dataset was suspended"),
        new("connector-unreachable", "구매자 커넥터 연락 불가", "The buyer's connector could not be reached for 24 hours"),
    ];
}
