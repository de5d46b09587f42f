package io.plumbline.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageReferenceTest {

    @Test
    void anEcrImageNamesItsAccountRegionRepositoryAndTag() {
        ImageReference image = ImageReference.parse("033870383707.dkr.ecr.us-west-2.amazonaws.com/team/frontend:v1.4.2");
        assertThat(image.repository()).isEqualTo("team/frontend");
        assertThat(image.tag()).isEqualTo("v1.4.2");
        assertThat(image.ecr()).contains(new ImageReference.Ecr("033870383707", "us-west-2"));
        assertThat(image).hasToString("033870383707.dkr.ecr.us-west-2.amazonaws.com/team/frontend:v1.4.2");
    }

    @Test
    void aRegistryPortIsNotATagAndNoTagMeansLatest() {
        ImageReference image = ImageReference.parse("localhost:5000/frontend");
        assertThat(image.registry()).isEqualTo("localhost:5000");
        assertThat(image.tag()).isEmpty();
        assertThat(image.effectiveTag()).isEqualTo("latest");
        assertThat(image.ecr()).isEmpty();
    }

    @Test
    void aDigestIsKeptApartFromTheTag() {
        ImageReference image = ImageReference.parse("nginx:1.27@sha256:abc");
        assertThat(image.registry()).isEmpty();
        assertThat(image.repository()).isEqualTo("nginx");
        assertThat(image.tag()).isEqualTo("1.27");
        assertThat(image.digest()).isEqualTo("sha256:abc");
        assertThat(ImageReference.parse("nginx@sha256:abc").effectiveTag()).isEmpty();
    }
}
