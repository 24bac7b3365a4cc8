package io.qualityhub.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DependencyOrderTest {

    @Test
    void ordersResourcesAfterWhatTheyReferTo() {
        Template template = Template.parse(CloudFormationYaml.read("""
                Resources:
                  Bucket:
                    Type: AWS::S3::Bucket
                    DependsOn: Policy
                    Properties:
                      NotificationConfiguration:
                        QueueConfigurations:
                          - Queue: !GetAtt Queue.Arn
                  Policy:
                    Type: AWS::SQS::QueuePolicy
                    Properties:
                      Queues: [!Ref Queue]
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      KmsMasterKeyId: !Sub '${Key.Arn}'
                  Key:
                    Type: AWS::KMS::Key
                """), "test");
        assertEquals(List.of("Key", "Queue", "Policy", "Bucket"), DependencyOrder.of(template, Set.of("Bucket", "Policy", "Queue", "Key")));
    }

    @Test
    void refusesResourcesThatReferToEachOther() {
        Template template = Template.parse(CloudFormationYaml.read("""
                Resources:
                  A:
                    Type: AWS::SQS::Queue
                    Properties: {KmsMasterKeyId: !Ref B}
                  B:
                    Type: AWS::KMS::Key
                    Properties: {Description: !GetAtt A.Arn}
                """), "test");
        TemplateException error = assertThrows(TemplateException.class, () -> DependencyOrder.of(template, Set.of("A", "B")));
        assertEquals("Resources refer to each other in a cycle: A needs [B]; B needs [A]. CloudFormation would refuse this template too.",
                error.getMessage());
    }

    @Test
    void aBucketLoggingIntoAnotherWaitsForThatBucketsPolicy() {
        Template template = Template.parse(CloudFormationYaml.read("""
                Resources:
                  Intake:
                    Type: AWS::S3::Bucket
                    Properties:
                      LoggingConfiguration:
                        DestinationBucketName: !Ref Logs
                  Logs:
                    Type: AWS::S3::Bucket
                  LogsPolicy:
                    Type: AWS::S3::BucketPolicy
                    Properties:
                      Bucket: !Ref Logs
                """), "test");
        assertEquals(List.of("Logs", "LogsPolicy", "Intake"), DependencyOrder.of(template, Set.of("Intake", "Logs", "LogsPolicy")));
    }
}
