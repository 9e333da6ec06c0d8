package io.instancerole.domain.config;

import io.instancerole.domain.model.RegionId;
import java.util.Set;

/**
 * Alibaba Cloud's public ECS regions, as the ECS {@code DescribeRegions} documentation and the
 * "Regions and zones" page list them (checked December 2026). A region id outside this list never
 * becomes a cloud call: it would be a DNS failure and a 503 instead of a clear 400. When Alibaba
 * opens a region, add it here (and to ALLOWED_REGIONS where that is set).
 */
public final class PublicRegions {
    private static final Set<String> IDS = Set.of(
            // Chinese mainland and Hong Kong
            "cn-qingdao", "cn-beijing", "cn-zhangjiakou", "cn-huhehaote", "cn-wulanchabu", "cn-hangzhou",
            "cn-shanghai", "cn-nanjing", "cn-fuzhou", "cn-shenzhen", "cn-heyuan", "cn-guangzhou", "cn-chengdu",
            "cn-wuhan-lr", "cn-hongkong",
            // Asia Pacific
            "ap-northeast-1", "ap-northeast-2", "ap-southeast-1", "ap-southeast-3", "ap-southeast-5",
            "ap-southeast-6", "ap-southeast-7",
            // Europe and Americas
            "us-east-1", "us-west-1", "na-south-1", "eu-west-1", "eu-central-1",
            // Middle East
            "me-east-1", "me-central-1");

    private PublicRegions() {}

    public static boolean contains(RegionId region) {
        return IDS.contains(region.value());
    }
}
